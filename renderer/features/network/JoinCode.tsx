import { useEffect, useState } from 'react';
import { useT } from '../../stores/ui';

/** A link as a QR code a phone can scan, with the link itself under it to copy or type. */
export function JoinCode({ url, label }: { url: string; label: string }) {
  const t = useT();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    // Loaded on first use: the QR encoder is a third of the app's script, and only this panel needs it.
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toDataURL(url, { margin: 1, width: 320, errorCorrectionLevel: 'M' }))
      .then(
      (data) => alive && setImage(data),
      () => alive && setImage(null),
    );
    return () => {
      alive = false;
    };
  }, [url]);
  return (
    <figure className="join-code">
      {image && <img src={image} alt={t('network.qrOf', { what: label })} />}
      <figcaption>
        <strong>{label}</strong>
        <br />
        <a href={url} target="_blank" rel="noreferrer">{url}</a>
      </figcaption>
    </figure>
  );
}
