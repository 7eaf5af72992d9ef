// The simulation worker: exposes the engine API over comlink, nothing else.
import { expose } from 'comlink';
import { engineApi } from './engine/api';

expose(engineApi);
