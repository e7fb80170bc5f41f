type IconProps = { className?: string };

/** Decorative 20×20 stroke icons; the text beside each one carries the meaning. */
function Icon({
  className,
  strokeWidth = 1.75,
  children,
}: IconProps & { strokeWidth?: number; children: React.ReactNode }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
    >
      {children}
    </svg>
  );
}

export function CheckIcon({ className }: IconProps) {
  return (
    <Icon className={className} strokeWidth={2.25}>
      <path d="m5 10.5 3.2 3L15 6.5" />
    </Icon>
  );
}

export function ArrowRightIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="M4 10h12m-5-5 5 5-5 5" />
    </Icon>
  );
}

export function ClockIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <circle cx="10" cy="10" r="7" />
      <path d="M10 6.5V10l2.5 1.5" />
    </Icon>
  );
}

export function HammerIcon({ className }: IconProps) {
  return (
    <Icon className={className}>
      <path d="m11.5 8.5-7 7a1.4 1.4 0 0 1-2-2l7-7" />
      <path d="m9 5 2.5-2.5 1 1 1.5-.5 3 3-.5 1.5 1 1L15 11z" />
    </Icon>
  );
}
