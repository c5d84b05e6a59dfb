// The step's code is on screen before the editor has loaded (issue 9 §2), and
// touching it brings the editor with the same text, keeping what was typed.
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from './renderApp';
import { useProgress } from '../../src/lesson/useProgress';

const staticView = () => screen.findByRole('textbox', { name: /read-only until the editor has loaded/ });

describe('the code before the editor loads', () => {
  it('shows the starter code, highlighted and numbered, and no editor yet', async () => {
    renderApp('/lessons/ml-lifecycle/steps/track-experiments');
    const view = await staticView();
    expect(view).toHaveAccessibleName('Code of track.py, read-only until the editor has loaded');
    expect(view).toHaveTextContent('mlflow.set_experiment("failure-prediction")');
    // Keywords are coloured as Monaco colours them (lab-dark, the theme these tests start in: #569cd6).
    const keyword = within(view).getAllByText('import')[0]!;
    expect(keyword).toHaveStyle({ color: 'rgb(86, 156, 214)' });
    expect(view.querySelector('textarea')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'track.py — code editor' })).toBeNull();
  });

  it('brings the editor on focus, with the same code and the keys typed meanwhile', async () => {
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    const view = await staticView();
    // The code's lines as shown (the line numbers are a separate, unselectable column).
    const code = [...view.querySelectorAll('[data-line]')].map((line) => line.textContent?.replace(/\n$/, '')).join('\n');
    expect(code).toContain('for epoch in history:');
    // Focus and a key at once, before the editor's code can have arrived: the key must not be lost.
    fireEvent.focus(view);
    fireEvent.keyDown(view, { key: '#' });
    expect(screen.queryByRole('textbox', { name: 'train.py — code editor' })).toBeNull();
    const editor = (await screen.findByRole('textbox', { name: 'train.py — code editor' })) as HTMLTextAreaElement;
    expect(editor.value).toBe(`#${code}`);
    expect(screen.queryByRole('textbox', { name: /read-only until the editor has loaded/ })).toBeNull();
    expect(editor).toHaveFocus();
  });

  // Issue 23: Tab on the static view was handed to the editor, which indented the code with it.
  it('Tab on it moves on through the page and leaves the code as it was', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    const view = await staticView();
    const code = view.textContent;
    view.focus();
    await user.tab();
    expect(view).not.toHaveFocus();
    // The editor, brought by the focus, has the starter untouched: no spaces were typed into it.
    const editor = (await screen.findByRole('textbox', { name: 'train.py — code editor' })) as HTMLTextAreaElement;
    expect(editor.value.startsWith(' ')).toBe(false);
    expect(code).toContain(editor.value.split('\n')[0]);
    expect(useProgress.getState().drafts).toEqual({});
  });

  it('pointing at the code starts loading the editor; without a touch it never loads', async () => {
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    const view = await staticView();
    // Left alone, the page keeps the static view (Monaco would block a phone for seconds at a moment nobody chose).
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('textbox', { name: 'train.py — code editor' })).toBeNull();
    fireEvent.pointerOver(view);
    const editor = (await screen.findByRole('textbox', { name: 'train.py — code editor' })) as HTMLTextAreaElement;
    expect(editor.value).toContain('for epoch in history:');
  });

  it('a click also brings the editor', async () => {
    const user = userEvent.setup();
    renderApp('/lessons/ml-lifecycle/steps/the-training-loop');
    await user.click(await staticView());
    const editor = (await screen.findByRole('textbox', { name: 'train.py — code editor' })) as HTMLTextAreaElement;
    expect(editor.value).toContain('for epoch in history:');
  });
});
