import { buildIfStale } from '../../support/build';

/** End-to-end tests drive the built app (dev host, renderer, CLI): build whatever is out of date first. */
export default function setup(): void {
  buildIfStale();
}
