import { Fragment } from 'react';

/** An amount that may break only after a comma group: too wide for its column, it wraps whole groups and is never clipped mid-number. */
export function BreakableAmount({ amount }: { amount: string }) {
  return (
    <>
      {amount.split(',').map((part, index, parts) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              ,<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
