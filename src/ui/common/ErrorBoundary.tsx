import { Component, type ReactNode } from 'react';
import { downloadBackup } from '../io/workspaceFile';
import './errorBoundary.css';

// One screen or panel that fails to draw (a damaged stored row, a bug) must not blank the
// whole page. The failure stays where it happened: it says what could not be shown and why,
// offers a way back, and "Download backup", since the maps themselves are untouched (they live
// in the document store and in storage, not in the part that failed).

export interface WayBack {
  label: string;
  run: () => void;
}

interface Props {
  /** What is shown here, for the message: "the history", "this screen". */
  what: string;
  children: ReactNode;
  back?: WayBack;
  /** When this changes (another screen, another map), the part is drawn afresh. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidUpdate(prev: Props): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  private retry = () => this.setState({ error: null });

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { what, back } = this.props;
    return (
      <section className="error-panel" role="alert" aria-label={`${capitalised(what)} could not be shown`}>
        <h2>{capitalised(what)} could not be shown</h2>
        <p>
          Something in it could not be read: <q className="error-reason">{error.message || error.name}</q>. Your maps are safe: nothing was changed, and every edit is still being saved.
        </p>
        <div className="error-actions">
          {back && <button type="button" className="primary" onClick={back.run}>{back.label}</button>}
          <button type="button" onClick={this.retry}>Try again</button>
          <button type="button" onClick={() => downloadBackup()}>Download backup</button>
        </div>
      </section>
    );
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
