import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ReadyScreen, readyToken } from './features/network/ReadyScreen';
import './styles.css';

// A department's link opens only its readiness toggle: no screens, no data, nothing else.
const departmentToken = readyToken();

createRoot(document.getElementById('root')!).render(
  <StrictMode>{departmentToken !== null ? <ReadyScreen token={departmentToken} /> : <App />}</StrictMode>,
);
