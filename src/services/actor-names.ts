// Who did something, as a person reads it. Sends, logs and the audit log store an actor id
// (`member:3`, `api_key:7`, `trigger:2`, `external_event:5`, `system`, `send:9`, `breaker`); a user should read
// "Ann Lee", "API key “CRM”" or "trigger “Welcome”", never the id.
import type { Queryable } from '../storage/db.ts';

interface NameRow {
  kind: string;
  id: number;
  name: string;
}

const QUOTED: Record<string, string> = { api_key: 'API key', trigger: 'trigger', external_event: 'external event' };

/** Display names of actor ids in a workspace; ids it cannot resolve (deleted since) read as "a deleted member" etc. */
export async function actorNames(q: Queryable, workspaceId: number, actors: Iterable<string>): Promise<Map<string, string>> {
  const ids: Record<string, number[]> = { member: [], api_key: [], trigger: [], external_event: [] };
  const wanted = [...new Set(actors)];
  for (const a of wanted) {
    const [kind, id] = a.split(':');
    if (ids[kind] && /^\d{1,15}$/.test(id ?? '')) ids[kind].push(Number(id));
  }
  const rows =
    wanted.length === 0
      ? []
      : await q.query<NameRow>(
          `SELECT 'member' AS kind, id, coalesce(nullif(name, ''), email) AS name FROM members WHERE workspace_id = $1 AND id = ANY($2::bigint[])
           UNION ALL SELECT 'api_key', id, name FROM api_keys WHERE workspace_id = $1 AND id = ANY($3::bigint[])
           UNION ALL SELECT 'trigger', id, name FROM triggers WHERE workspace_id = $1 AND id = ANY($4::bigint[])
           UNION ALL SELECT 'external_event', id, name FROM external_events WHERE workspace_id = $1 AND id = ANY($5::bigint[])`,
          [workspaceId, ids.member, ids.api_key, ids.trigger, ids.external_event],
        );
  const found = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
  const names = new Map<string, string>();
  for (const a of wanted) names.set(a, describe(a, found.get(a)));
  return names;
}

function describe(actor: string, row: NameRow | undefined): string {
  const [kind, id] = actor.split(':');
  if (actor === 'system' || actor === '') return 'Botcast';
  if (actor === 'breaker') return 'the circuit breaker';
  if (kind === 'send') return `send #${id}`;
  if (!row) {
    const what = { member: 'member', api_key: 'API key', trigger: 'trigger', external_event: 'external event' }[kind];
    return what ? `a deleted ${what}` : actor;
  }
  if (kind === 'member') return row.name;
  return row.name ? `${QUOTED[kind]} “${row.name}”` : `${QUOTED[kind]} #${row.id}`;
}

/** One actor's display name. */
export async function actorName(q: Queryable, workspaceId: number, actor: string): Promise<string> {
  return (await actorNames(q, workspaceId, [actor])).get(actor)!;
}
