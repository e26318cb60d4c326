/**
 * The API key dialog: shown when poolmap answers 401, it keeps the key for this tab only (api.js puts it in
 * sessionStorage and sends it as Authorization: Bearer), never in a URL. Closed without a key, it leaves a
 * banner to open it again; the requests that need the key wait for it.
 */
import {byId} from '../dom.js';

export function keyDialog() {
    const dialog = byId('key-dialog');
    const form = byId('key-form');
    const input = byId('key-input');
    const error = byId('key-error');
    const banner = byId('key-needed');
    const forget = byId('forget-key');
    let answer = null;

    form.addEventListener('submit', event => {
        event.preventDefault();
        const key = input.value.trim();
        if (key === '') {
            error.textContent = 'Type or paste the key.';
            error.hidden = false;
            input.focus();
            return;
        }
        input.value = '';
        dialog.close();
        banner.hidden = true;
        forget.hidden = false;
        answer?.(key);
        answer = null;
    });
    dialog.addEventListener('cancel', () => {
        banner.hidden = false;
    });
    byId('key-open').addEventListener('click', open);

    function open() {
        if (!dialog.open) {
            dialog.showModal();
        }
        input.focus();
    }

    return ({rejected}) => new Promise(resolve => {
        answer = resolve;
        error.textContent = rejected ? 'That key was not accepted. Check it and try again.' : '';
        error.hidden = !rejected;
        open();
    });
}
