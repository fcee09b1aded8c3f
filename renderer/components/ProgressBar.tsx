/** A determinate bar for known progress (0–100), an indeterminate one for null. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  return (
    <div
      className={`progress-bar${value === null ? ' progress-bar-indeterminate' : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
    >
      <div className="progress-bar-fill" style={value === null ? undefined : { width: `${value}%` }} />
    </div>
  );
}
