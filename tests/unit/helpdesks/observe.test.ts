// Page observation: a new message or a pane switch is a change; the agent typing a reply is not.
import { describe, expect, it } from 'vitest';
import { observePage } from '@/lib/helpdesks/thread-reader';
import { zendeskAdapter } from '@/lib/helpdesks/zendesk/adapter';

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function page(): { log: HTMLElement; editor: HTMLElement; textarea: HTMLTextAreaElement } {
  document.body.innerHTML = `
    <section id="log"><article>Hei</article></section>
    <div id="composer" class="composer" data-channel="public"><div contenteditable="true"><p>Hei</p></div></div>
    <textarea id="note"></textarea>`;
  return {
    log: document.getElementById('log')!,
    editor: document.querySelector<HTMLElement>('[contenteditable]')!,
    textarea: document.querySelector('textarea')!,
  };
}

describe.each([
  ['the shared observer', (onChange: () => void) => observePage(document, onChange)],
  ['the Zendesk observer', (onChange: () => void) => zendeskAdapter.observe(document, onChange)],
])('%s', (_, observe) => {
  it('ignores typing in a reply editor, and sees a new message', async () => {
    const { log, editor, textarea } = page();
    let changes = 0;
    const stop = observe(() => (changes += 1));
    editor.querySelector('p')!.append(document.createTextNode(' Matti'), document.createElement('br'));
    editor.append(document.createElement('p'));
    editor.querySelector('p')!.setAttribute('style', 'color: red');
    textarea.append(document.createTextNode('muistiinpano'));
    await settle();
    expect(changes).toBe(0);

    log.append(document.createElement('article'));
    await settle();
    expect(changes).toBe(1);
    stop();
  });

  it("sees the editor's own attributes change (a switch between reply and internal note)", async () => {
    const { editor } = page();
    let changes = 0;
    const stop = observe(() => (changes += 1));
    editor.setAttribute('style', 'background: #fff6d5');
    await settle();
    expect(changes).toBe(1);
    stop();
  });
});
