// Settings every Botcast database session runs with, on both engines.
//
// random_page_cost: random page reads priced as on SSD or a cached database (the default, 4,
// prices spinning disks). With 4 the planner would rather scan a young deliveries table (~50k rows
// while a run is still materialising) than look up a few hundred outcome rows by id: 30–180 ms per
// outcome batch instead of 1 ms (seen with auto_explain).
export const SESSION_SETTINGS: Readonly<Record<string, string>> = { random_page_cost: '1.1' };
