/**
 * Entry of the workbench page (workbench.html): no Office here, the emulator stands in for Excel.
 * Built as its own webpack entry, so none of it is in the task pane's bundle.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { Workbench } from "./Workbench";

const container = document.getElementById("root");
if (!container) throw new Error("workbench.html has no #root element");
createRoot(container).render(<Workbench />);
