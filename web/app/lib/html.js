// One import for every component: htm's tagged templates bound to Preact (no JSX, no build
// step), the hooks, and render.
import { h, render, createContext, Fragment } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
export { h, render, createContext, Fragment };
export { useState, useEffect, useMemo, useCallback, useRef, useContext, useId, useReducer, useLayoutEffect } from 'preact/hooks';
