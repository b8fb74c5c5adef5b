// The Recall dialog of a delivered send (issue 17 point 12): delete its messages from the
// recipients' chats, or replace their text, where the platform allows it (Telegram within 48 hours,
// VK deletes within 24 hours; the API says why not, shown in the dialog). Runs as a paced job: the
// send's log says when it is done (POST /api/sends/{id}/recall).
import { html, useState } from '../../lib/html.js';
import { api } from '../../lib/api.js';
import { plural } from '../../lib/format.js';
import { useApp } from '../../context.js';
import { Button, ErrorNotice, Modal, RadioGroup, TextArea } from '../../ui/components.js';

const ACTIONS = [
  {
    value: 'delete',
    label: 'Delete from the chats',
    hint: 'For everyone: Telegram within 48 hours of sending, VK within 24 hours. Other platforms cannot delete a delivered message.',
  },
  { value: 'edit', label: 'Replace the text', hint: 'Telegram only, within 48 hours: the message shows the new text, marked “edited”.' },
];

export function RecallDialog({ send, onClose, onStarted }) {
  const { toast } = useApp();
  const [action, setAction] = useState('delete');
  const [text, setText] = useState(send.content?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const job = await api.post(`/api/sends/${send.id}/recall`, action === 'edit' ? { action, text } : { action });
      toast(`${action === 'edit' ? 'Editing' : 'Recalling'} ${plural(job.messages, 'message')}: the log says when it is done`);
      onStarted();
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return html`<${Modal}
    title=${`Recall send #${send.id}`}
    onClose=${onClose}
    footer=${html`<${Button} onClick=${onClose}>Cancel</${Button}>
      <${Button} variant="danger" busy=${busy} disabled=${action === 'edit' && text.trim() === ''} onClick=${submit}
        >${action === 'edit' ? 'Replace the text' : 'Delete from the chats'}</${Button}>`}
  >
    <form aria-label="Recall" onSubmit=${submit}>
      <${ErrorNotice} error=${error} />
      <${RadioGroup} legend="What to do with the delivered messages" name="recall-action" value=${action} options=${ACTIONS} onChange=${setAction} />
      ${
        action === 'edit' &&
        html`<${TextArea} label="New text" rows="5" maxlength="4096" value=${text} onInput=${(e) => setText(e.currentTarget.value)} />`
      }
    </form>
  </${Modal}>`;
}
