// gomc's trace viewer (report/html.rs): renders the run embedded as JSON in #gomc-data into a
// chart of goroutine lanes, and shows the dump and source of the current step.
//
// It builds every element with createElement and textContent (never innerHTML), so the model's
// text is never read as markup. The body's data-viewer attribute says how rendering went:
// "ready", or "error" with the messages in #errors; data-step is the current step (0 is the
// initial state), also kept in the URL as #step=N so that a step can be linked to.
"use strict";
(function () {
  var body = document.body;
  var errors = [];

  function fail(message) {
    errors.push(message);
    body.setAttribute("data-viewer", "error");
    var box = document.getElementById("errors");
    box.textContent = errors.join("\n");
    box.hidden = false;
  }
  window.addEventListener("error", function (event) {
    fail(String(event.message));
  });

  var data;
  var last = 0;
  var current = -1;
  var stepNumbers = [];
  var stepBoxes = [];
  var fileViews = [];
  var marked = [];

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function place(node, column, row) {
    node.style.gridColumn = String(column);
    node.style.gridRow = String(row);
    return node;
  }

  function laneName(id) {
    return id === 0 ? "timer" : "g" + id;
  }

  function goroutineAt(state, id) {
    for (var i = 0; i < state.goroutines.length; i++) {
      if (state.goroutines[i].id === id) {
        return state.goroutines[i];
      }
    }
    return null;
  }

  // The arrows of one step: for each lane column other than the actor's, whether an arrow ends
  // there ("target") or passes through ("wire"), and of which kind; plus the sides the actor's
  // box sends arrows out of.
  function wiring(step, columnOf) {
    var actor = columnOf[step.goroutine];
    var cells = {};
    var out = {};
    function add(ids, kind) {
      ids.forEach(function (id) {
        var column = columnOf[id];
        if (column === undefined || column === actor) {
          return;
        }
        var low = Math.min(actor, column);
        var high = Math.max(actor, column);
        for (var c = low + 1; c < high; c++) {
          if (!cells[c]) {
            cells[c] = { role: "wire", kind: kind, id: 0 };
          }
        }
        cells[column] = {
          role: "target",
          kind: kind,
          id: id,
          side: column > actor ? "from-left" : "from-right"
        };
        out[column > actor ? "out-right" : "out-left"] = kind;
      });
    }
    // Wakes are drawn last so that where a wake and a start cross, the wake shows.
    add(step.started, "start");
    add(step.woke, "wake");
    return { cells: cells, out: out };
  }

  function stepBox(step, row, blocked) {
    var box = element("div", "step");
    box.setAttribute("data-step", String(row));
    if (blocked) {
      box.classList.add("blocked");
    }
    if (data.cycle_from !== null && row >= data.cycle_from) {
      box.classList.add("cycle");
    }
    box.appendChild(element("div", "op", row + ". " + step.operation));
    var title = [row + ". " + step.operation];
    if (step.goroutine !== 0) {
      var where = step.function + "  " + step.location;
      box.appendChild(element("div", "loc", where));
      box.appendChild(element("code", null, step.source));
      title.push(where, step.source);
    }
    step.output.forEach(function (line) {
      box.appendChild(element("div", "out", "output: " + JSON.stringify(line)));
      title.push("output: " + JSON.stringify(line));
    });
    box.title = title.join("\n");
    box.addEventListener("click", function () {
      select(row);
    });
    return box;
  }

  // What the entry printed before its first scheduling point, in its lane's start row.
  function outputBox() {
    var box = element("div", "initial");
    data.initial_output.forEach(function (line) {
      box.appendChild(element("div", "out", "output: " + JSON.stringify(line)));
    });
    box.title = "printed before step 1";
    return box;
  }

  function renderChart() {
    var chart = document.getElementById("chart");
    var columnOf = {};
    data.lanes.forEach(function (lane, index) {
      columnOf[lane.id] = index + 2;
    });
    chart.style.gridTemplateColumns =
      "3.5em repeat(" + data.lanes.length + ", minmax(15em, 1fr))";
    var numbers = element("div", "numbers");
    numbers.style.display = "contents";
    numbers.appendChild(place(element("div", "lane-head corner", "step"), 1, 1));
    for (var row = 0; row <= last; row++) {
      var number = place(element("div", "stepno", row === 0 ? "start" : String(row)), 1, row + 2);
      number.setAttribute("data-step", String(row));
      number.addEventListener("click", select.bind(null, row));
      stepNumbers.push(number);
      numbers.appendChild(number);
    }
    chart.appendChild(numbers);
    var wires = data.steps.map(function (step) {
      return wiring(step, columnOf);
    });
    data.lanes.forEach(function (lane, index) {
      renderLane(chart, lane, index + 2, wires);
    });
  }

  function renderLane(chart, lane, column, wires) {
    var wrap = element("div", "lane" + (lane.id === 0 ? " timer" : ""));
    wrap.setAttribute("data-g", lane.id === 0 ? "timer" : String(lane.id));
    var head = place(element("div", "lane-head", laneName(lane.id)), column, 1);
    if (lane.function) {
      head.appendChild(element("small", null, lane.function));
      head.title = lane.function;
    }
    wrap.appendChild(head);
    var seen = false;
    var ended = false;
    for (var row = 0; row <= last; row++) {
      var cell = place(element("div", "cell"), column, row + 2);
      var at = lane.id === 0 ? null : goroutineAt(data.states[row], lane.id);
      var step = row > 0 ? data.steps[row - 1] : null;
      var endsHere = false;
      if (at) {
        cell.classList.add(at.waiting ? "parked" : "live");
        if (!seen && row > 0) {
          cell.classList.add("born");
        }
        seen = true;
        cell.title = laneName(lane.id) + " [" + at.status + "]";
      } else if (seen && !ended) {
        ended = true;
        endsHere = true;
      }
      if (row === 0 && lane.id === 1 && data.initial_output.length > 0) {
        cell.appendChild(outputBox());
      }
      if (step && step.goroutine === lane.id) {
        var wiringOf = wires[row - 1];
        cell.classList.add("actor");
        Object.keys(wiringOf.out).forEach(function (side) {
          cell.classList.add(side);
          if (wiringOf.out[side] === "start") {
            cell.classList.add("start-out");
          }
        });
        var box = stepBox(step, row, at !== null && at.waiting);
        stepBoxes[row] = box;
        cell.appendChild(box);
      } else if (step) {
        var arrow = wires[row - 1].cells[column];
        if (arrow) {
          cell.classList.add(arrow.role, arrow.kind);
          if (arrow.role === "target") {
            cell.classList.add(arrow.side);
            var verb = arrow.kind === "wake" ? "woken by " : "started by ";
            var before = arrow.side === "from-left" ? "\u25b6 " : "";
            var after = arrow.side === "from-right" ? " \u25c0" : "";
            // A goroutine woken to run to its end in the same step says so on the arrow.
            var ending = endsHere ? ", ran to its end" : "";
            var label = before + verb + laneName(step.goroutine) + ending + after;
            cell.appendChild(element("span", "mark", label));
            endsHere = false;
          }
        }
      }
      if (endsHere) {
        cell.classList.add("first-dead");
      }
      wrap.appendChild(cell);
    }
    chart.appendChild(wrap);
  }

  function renderSources() {
    var pane = document.getElementById("source");
    data.sources.forEach(function (source, index) {
      var view = element("div", "file");
      view.setAttribute("data-file", String(index));
      view.hidden = true;
      var lines = [];
      source.lines.forEach(function (text, at) {
        var line = element("div", "src-line");
        line.appendChild(element("span", "ln", String(at + 1)));
        line.appendChild(element("span", "code", text));
        lines.push(line);
        view.appendChild(line);
      });
      fileViews.push({ view: view, lines: lines });
      pane.appendChild(view);
    });
  }

  // The file to show at a row: the step's, else the nearest earlier step's, else where the
  // first goroutine of the state stands, else the model.
  function fileAt(row) {
    for (var r = row; r > 0; r--) {
      if (data.steps[r - 1].file !== null) {
        return data.steps[r - 1].file;
      }
    }
    var goroutines = data.states[row].goroutines;
    for (var i = 0; i < goroutines.length; i++) {
      if (goroutines[i].file !== null) {
        return goroutines[i].file;
      }
    }
    return 0;
  }

  function showSource(row) {
    marked.forEach(function (line) {
      line.classList.remove("current-line");
      line.querySelectorAll(".badge").forEach(function (badge) {
        badge.remove();
      });
    });
    marked = [];
    var file = fileAt(row);
    fileViews.forEach(function (entry, index) {
      entry.view.hidden = index !== file;
    });
    var lines = fileViews[file].lines;
    var step = row > 0 ? data.steps[row - 1] : null;
    var title = data.sources[file].name;
    var focus = null;
    if (step && step.file === file && lines[step.line - 1]) {
      focus = lines[step.line - 1];
      focus.classList.add("current-line");
      marked.push(focus);
      title += ":" + step.line + " (step " + row + ")";
    }
    data.states[row].goroutines.forEach(function (at) {
      var line = at.file === file ? lines[at.line - 1] : null;
      if (line) {
        var badge = element("span", "badge", laneName(at.id) + " " + at.status);
        line.appendChild(badge);
        marked.push(line);
        focus = focus || line;
      }
    });
    document.getElementById("source-title").textContent = title;
    if (focus) {
      focus.scrollIntoView({ block: "center" });
    }
  }

  function select(row) {
    row = Math.max(0, Math.min(last, row));
    if (row === current) {
      return;
    }
    if (current >= 0) {
      stepNumbers[current].classList.remove("current");
      if (stepBoxes[current]) {
        stepBoxes[current].classList.remove("current");
      }
    }
    current = row;
    body.setAttribute("data-step", String(row));
    stepNumbers[row].classList.add("current");
    if (stepBoxes[row]) {
      stepBoxes[row].classList.add("current");
    }
    var title = row === 0
      ? "goroutines at the start (before step 1)"
      : "goroutines after step " + row + " of " + last;
    document.getElementById("dump-title").textContent = title;
    var dump = data.states[row].dump;
    document.getElementById("dump").textContent = dump === "" ? "(no goroutines left)\n" : dump;
    showSource(row);
    (stepBoxes[row] || stepNumbers[row]).scrollIntoView({ block: "nearest", inline: "nearest" });
    try {
      history.replaceState(null, "", "#step=" + row);
    } catch (ignored) {
      // A browser that refuses to change a file: URL keeps the page as it is.
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var keys = {
      ArrowDown: 1, ArrowRight: 1, j: 1,
      ArrowUp: -1, ArrowLeft: -1, k: -1
    };
    if (event.key === "Home") {
      select(0);
    } else if (event.key === "End") {
      select(last);
    } else if (keys.hasOwnProperty(event.key)) {
      select(current + keys[event.key]);
    } else {
      return;
    }
    event.preventDefault();
  });

  try {
    data = JSON.parse(document.getElementById("gomc-data").textContent);
    last = data.steps.length;
    renderChart();
    renderSources();
    var linked = /^#step=(\d+)$/.exec(location.hash);
    select(linked ? Number(linked[1]) : last);
    if (errors.length === 0) {
      body.setAttribute("data-viewer", "ready");
    }
  } catch (error) {
    fail(String(error && error.stack ? error.stack : error));
  }
})();
