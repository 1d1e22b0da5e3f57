import { useEffect, useRef } from 'react';
import type { MouseEvent, ReactNode } from 'react';

type DialogProps = {
  /** 'alertdialog' for confirmations that interrupt; 'dialog' for forms, help and details. */
  role?: 'dialog' | 'alertdialog';
  /** The id of the visible title that names the dialog; or `label` when there is none. */
  labelledBy?: string;
  label?: string;
  describedBy?: string;
  /** Classes for the visible box (the native <dialog> itself is only a frame and the ::backdrop). */
  className?: string;
  /** Escape (the native cancel event) and, if allowed, a click on the backdrop call this. */
  onClose: () => void;
  closeOnBackdrop?: boolean;
  children: ReactNode;
};

/**
 * Every overlay: a native <dialog> opened with showModal(), so the browser keeps focus inside and
 * makes the page behind inert. Focus starts on [data-autofocus] (else the first control), Escape
 * calls onClose, and on unmount focus goes back to whatever opened it.
 */
export function Dialog(props: DialogProps) {
  const frame = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  useEffect(() => {
    onClose.current = props.onClose;
  });

  useEffect(() => {
    const dialog = frame.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // The page decides when the dialog goes away, so Escape asks rather than closes.
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose.current();
    };
    // Chromium may close without a cancelable cancel after repeated Escapes; treat that as a request too.
    // (A close still queued from a StrictMode remount finds the dialog open again and is ignored.)
    const onNativeClose = () => !dialog.open && onClose.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  // A click whose target is the <dialog> itself landed on the backdrop: the box fills the frame.
  const onBackdrop = (event: MouseEvent) => {
    if (props.closeOnBackdrop && event.target === event.currentTarget) onClose.current();
  };

  return (
    <dialog
      ref={frame}
      className="modal"
      role={props.role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={props.labelledBy}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      onMouseDown={onBackdrop}
    >
      <div className={['dialog', props.className].filter(Boolean).join(' ')}>{props.children}</div>
    </dialog>
  );
}
