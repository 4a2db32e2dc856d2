const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * The keys that can name a row. A global ID can carry any text; a non-UUID
 * key names nothing, and must not reach SQL, where one bad key would fail
 * the whole batched `IN (...)` for every other key in it.
 */
export const onlyUuids = (ids: readonly string[]): string[] => ids.filter(isUuid);
