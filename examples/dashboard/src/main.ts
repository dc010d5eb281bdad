import type { PciClient } from "qualys-pci";
import { type Connection, clientFor, initialConnection, saveConnection } from "./connection";
import { byId } from "./dom";
import { showError } from "./notice";
import { ReportWorkflow } from "./report/workflow";
import { SummaryView } from "./summary/view";
import "./style.css";

let client: PciClient | undefined;
const currentClient = () => client;

const summary = new SummaryView(currentClient);
new ReportWorkflow(currentClient);

const form = byId<HTMLFormElement>("connection");
const proxyInput = form.elements.namedItem("proxyUrl") as HTMLInputElement;
const tokenInput = form.elements.namedItem("token") as HTMLInputElement;

function connect(connection: Connection): void {
  try {
    client = clientFor(connection);
  } catch (error) {
    // A bad address is refused when the client is built.
    client = undefined;
    showError(error);
    return;
  }
  saveConnection(connection);
  document.body.dataset.connected = "true";
  void summary.show();
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  connect({ proxyUrl: proxyInput.value.trim(), token: tokenInput.value.trim() });
});

const initial = initialConnection();
proxyInput.value = initial.proxyUrl;
tokenInput.value = initial.token;
if (initial.proxyUrl && initial.token) connect(initial);
