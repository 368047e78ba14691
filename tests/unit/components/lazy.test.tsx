// A view whose code loads when it is first shown: "Loading…" until its chunk is in, then the view, once.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '@/components/i18n';
import { lazy } from '@/components/lazy';

afterEach(cleanup);

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('a view loaded on first use', () => {
  it('shows Loading… until its code is in, then the view with its props; the code is fetched once', async () => {
    let loads = 0;
    let arrive: (component: typeof Greeting) => void = () => undefined;
    const View = lazy(() => {
      loads++;
      return new Promise<typeof Greeting>((resolve) => (arrive = resolve));
    });
    const first = render(<I18nProvider fixed="en"><View name="Aino" /></I18nProvider>);
    expect(screen.getByText('Loading…')).toBeTruthy();
    arrive(Greeting);
    expect(await screen.findByText('Hello Aino')).toBeTruthy();
    first.unmount();
    // Shown again (another tab chosen and back): no second load, no Loading… in between.
    render(<I18nProvider fixed="en"><View name="Mikko" /></I18nProvider>);
    expect(screen.getByText('Hello Mikko')).toBeTruthy();
    expect(loads).toBe(1);
  });

  it('preloaded (the view a link opens), shows at once without Loading…; the code is fetched once', async () => {
    let loads = 0;
    const View = lazy(() => {
      loads++;
      return Promise.resolve(Greeting);
    });
    View.preload();
    View.preload();
    await Promise.resolve();
    await Promise.resolve();
    render(<I18nProvider fixed="en"><View name="Aino" /></I18nProvider>);
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByText('Hello Aino')).toBeTruthy();
    expect(loads).toBe(1);
  });

  it('a failed preload is told when the view is shown, and the next showing tries again', async () => {
    let loads = 0;
    const View = lazy<{ name: string }>(() => (++loads === 1 ? Promise.reject(new Error('chunk missing')) : Promise.resolve(Greeting)));
    View.preload();
    const first = render(<I18nProvider fixed="en"><View name="Aino" /></I18nProvider>);
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong: chunk missing');
    first.unmount();
    render(<I18nProvider fixed="en"><View name="Aino" /></I18nProvider>);
    expect(await screen.findByText('Hello Aino')).toBeTruthy();
    expect(loads).toBe(2);
  });

  it('says in the reader’s language when its code cannot be loaded', async () => {
    const View = lazy<{ name: string }>(() => Promise.reject(new Error('chunk missing')));
    render(<I18nProvider fixed="fi"><View name="Aino" /></I18nProvider>);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Jokin meni vikaan: chunk missing');
  });
});
