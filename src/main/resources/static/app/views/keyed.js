/**
 * Keeps a list's rows in step with data without rebuilding them: a row is made once per key and updated in place,
 * so that a list refreshed every second keeps the keyboard focus, text selection and CSS transitions of its rows.
 */
const rowsOf = new WeakMap();

/**
 * @param container the list element
 * @param items the data, in display order
 * @param keyOf an item's stable key
 * @param create `item => {el, update(item)}`
 */
export function keyed(container, items, keyOf, create) {
    const rows = rowsOf.get(container) ?? new Map();
    const wanted = new Set(items.map(keyOf));
    for (const [key, row] of rows) {
        if (!wanted.has(key)) {
            row.el.remove();
        }
    }
    const next = new Map();
    items.forEach((item, i) => {
        const key = keyOf(item);
        const row = rows.get(key) ?? create(item);
        row.update(item);
        next.set(key, row);
        if (container.children[i] !== row.el) {
            container.insertBefore(row.el, container.children[i] ?? null);
        }
    });
    rowsOf.set(container, next);
}
