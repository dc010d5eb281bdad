// Prints a loopback TCP port that is free right now. Used where a port must be
// known before the server starts, e.g. a test page whose origin the emulator's
// --cors-origin has to name in advance.
import { createServer } from 'node:net';

const server = createServer();
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  server.close(() => console.log(port));
});
