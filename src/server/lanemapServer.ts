import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { MessageGuard } from './messageGuard';
import { AccessDenied, accessFor, rotateSecrets } from './access';
import { RoomStore } from './roomStore';
import { serveStatic } from './staticFiles';

// One Node process: the built app over HTTP and the rooms over a websocket on the same port.
// A room is a workspace's Y.Doc (core/sync), stored by RoomStore, entered with the link's secret.

export interface ServerOptions {
  port: number;
  host?: string;
  dataFile: string;
  distDir: string;
  /** Largest WebSocket message accepted; a bigger one closes the connection (1009). */
  maxMessageBytes: number;
  maxMessagesPerSecond: number;
  /** How often appended updates are merged into each room's state row. */
  compactEveryMs: number;
  // Hocuspocus's extension type is `any`-shaped; the Redis one is passed through as it is.
  extensions?: object[];
}

export interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = new RoomStore(options.dataFile);
  const guard = new MessageGuard({ maxMessagesPerSecond: options.maxMessagesPerSecond });
  const server = new Server({
    port: options.port,
    address: options.host,
    quiet: true,
    stopOnSignals: false,
    // Every update is on disk before it is acknowledged, so a room leaves memory as soon as its last client does.
    unloadImmediately: true,
    websocketOptions: { maxPayload: options.maxMessageBytes },
    extensions: [...(options.extensions ?? [])],
    async onRequest({ request, response }) {
      // Rejecting with nothing tells Hocuspocus the request is answered.
      if (serveStatic(options.distDir, request, response)) return Promise.reject();
    },
    async onAuthenticate({ documentName, token, connectionConfig }) {
      try {
        connectionConfig.readOnly = accessFor(store, documentName, token) === 'read';
      } catch (e) {
        if (e instanceof AccessDenied) throw new Error(`access denied to ${documentName}: ${e.message}`, { cause: e });
        throw e;
      }
    },
    async onLoadDocument({ document, documentName }) {
      for (const update of store.load(documentName)) Y.applyUpdate(document, update, 'storage');
      // Appended inside the update event, so before the sender's acknowledgement goes out.
      document.on('update', (update: Uint8Array) => store.append(documentName, update));
    },
    async onStateless({ connection, documentName, payload }) {
      if (connection.readOnly || !rotateSecrets(store, documentName, payload)) return;
      connection.sendStateless(JSON.stringify({ type: 'secrets-rotated' }));
      // Every socket in the room is closed, so each client connects and authenticates again, and
      // only the new secrets open the room (closing the room's connection alone leaves the
      // provider on its open socket, never asking again).
      for (const other of server.hocuspocus.documents.get(documentName)?.getConnections() ?? []) other.webSocket.close(4403, 'sharing stopped');
    },
    async beforeHandleMessage({ connection, document, update }) {
      guard.check(connection, document, update);
    },
  });
  const compaction = setInterval(() => store.compact(), options.compactEveryMs);
  compaction.unref();
  await server.listen(options.port);
  let stopping: Promise<void> | null = null;
  return {
    port: server.address.port,
    stop: () => {
      stopping ??= (async () => {
        clearInterval(compaction);
        await server.destroy();
        store.close();
      })();
      return stopping;
    },
  };
}
