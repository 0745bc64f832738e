// What paperkg's viewer page uses of sigma.js and graphology, exposed as one global.
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram } from "sigma/rendering";

window.paperkgVendor = { Graph, Sigma, EdgeLineProgram, EdgeRectangleProgram, NodeCircleProgram };
