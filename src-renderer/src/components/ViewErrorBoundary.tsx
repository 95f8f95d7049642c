import { Component, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';

/**
 * Keeps one broken view from blanking the whole control room: the nav, clock and alerts stay
 * usable and the other views remain one click away. Keyed by route, so navigating resets it.
 */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    console.error('[leitstand] a view failed to render', error);
  }

  override render() {
    if (this.state.error) {
      return <ErrorState error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}
