/**
 * File inputs of the form (a measurement file, a model config): each reads the file in the browser,
 * hands its text to a parser of the engine, and shows what it read, or the parser's one-line
 * error, next to the field. Nothing is uploaded anywhere; the file is not part of the link.
 */
import { InputError } from '../../src/util/errors.js';

export interface FileField {
  id: string;
  label: string;
  help: string;
  accept: string;
  /** Reads the file; returns the sentence shown under the field. Throws InputError on a bad file. */
  read(text: string, name: string): string;
  /** The file was removed. */
  clear(): void;
  /** Called after a successful read or a removal. */
  changed(): void;
}

export function fileRow(spec: FileField): HTMLElement {
  const row = document.createElement('div');
  row.className = 'field file-field';
  row.dataset.key = spec.id;
  const label = document.createElement('label');
  label.htmlFor = `field-${spec.id}`;
  label.textContent = spec.label;
  const input = document.createElement('input');
  input.type = 'file';
  input.id = `field-${spec.id}`;
  input.accept = spec.accept;
  input.setAttribute('aria-describedby', `msg-${spec.id} status-${spec.id} help-${spec.id}`);
  const status = document.createElement('span');
  status.className = 'file-status';
  status.id = `status-${spec.id}`;
  status.setAttribute('role', 'status');
  const msg = document.createElement('span');
  msg.className = 'msg';
  msg.id = `msg-${spec.id}`;
  msg.setAttribute('role', 'alert');
  const help = document.createElement('span');
  help.className = 'help';
  help.id = `help-${spec.id}`;
  help.textContent = spec.help;
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'small';
  remove.textContent = 'Remove the file';
  remove.hidden = true;
  remove.addEventListener('click', () => {
    input.value = '';
    status.textContent = '';
    msg.textContent = '';
    remove.hidden = true;
    spec.clear();
    spec.changed();
  });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      status.textContent = spec.read(await file.text(), file.name);
      msg.textContent = '';
      row.classList.remove('invalid');
      input.setAttribute('aria-invalid', 'false');
      remove.hidden = false;
      spec.changed();
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      msg.textContent = err.message;
      row.classList.add('invalid');
      input.setAttribute('aria-invalid', 'true');
    }
  });
  row.append(label, input, msg, status, remove, help);
  return row;
}
