import { useEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router-dom';

/**
 * A lesson or step page opened by a link starts at its top, or at the section
 * its address names (`#continue`): the router changes pages without the
 * browser's own scrolling, and a section's content arrives after the address
 * does. Back and forward without a section are left to the browser.
 */
export function useScrollOnArrival() {
  const { hash } = useLocation();
  const navigation = useNavigationType();
  useEffect(() => {
    if (navigation === 'POP' && !hash) return;
    const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    if (target) target.scrollIntoView();
    else if (!hash) window.scrollTo(0, 0);
  }, [hash, navigation]);
}
