/**
 * What Fluent UI v9 expects from a browser that jsdom does not provide. Imported first by every
 * task pane test (the shared Jest config has no per-folder setup file).
 */
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined") {
  if (!("ResizeObserver" in window)) {
    Object.defineProperty(window, "ResizeObserver", { writable: true, value: ResizeObserverStub });
    Object.defineProperty(globalThis, "ResizeObserver", { writable: true, value: ResizeObserverStub });
  }
  if (!window.matchMedia) {
    Object.defineProperty(window, "matchMedia", {
      writable: true,
      value: (query: string) => ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }),
    });
  }
  if (!window.HTMLElement.prototype.scrollIntoView) {
    window.HTMLElement.prototype.scrollIntoView = function scrollIntoView(): void {};
  }
}

export {};

// Async queries (findBy..., waitFor) wait up to 10 s rather than 1 s: rendering Fluent UI in jsdom on a
// busy 2-core machine can take longer than a second, and a slow machine is not a failure.
import { configure } from "@testing-library/react";
configure({ asyncUtilTimeout: 10_000 });
