import { buildIfStale } from '../../support/build';

/** The crash test kills a real process: build its bundle if its sources changed. */
export default function setup(): void {
  buildIfStale(['crash-writer']);
}
