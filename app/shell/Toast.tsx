import { useEffect } from 'react';
import { selectToast } from '../store/selectors';
import { useAppStore, useAppStoreApi } from '../store/react';

export function Toast() {
  const store = useAppStoreApi();
  const toast = useAppStore(selectToast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => store.getState().showToast(null), 5000);
    return () => clearTimeout(t);
  }, [toast, store]);
  return (
    <div className="ls-toast" role="status" aria-live="polite" data-testid="toast">
      {toast}
    </div>
  );
}
