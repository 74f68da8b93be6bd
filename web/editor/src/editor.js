// Interleave code editor: CodeMirror 6 behind a tiny, plain-value JS API.
//
// Built by web/editor/build.mjs into one IIFE (web/editor/dist/editor.js) that sets
// `window.InterleaveEditor`. The Yew app calls it through wasm-bindgen:
//
//   const ed = InterleaveEditor.create(parentElement, {
//     doc, dark, ariaLabel,
//     onChange(text),   // after user edits (in a microtask right after the edit, so a Run
//                       // right after typing always sees the latest text); NOT for setDoc()
//     onRun(),          // Ctrl-Enter / Cmd-Enter; never inserts a newline
//   });
//   ed.getDoc() / ed.setDoc(text) / ed.setDark(bool) / ed.setReadOnly(bool)
//   ed.setDiagnostics([{line, col?, message, severity?}])   // 1-based; [] clears
//   ed.setThreadLines([{line, color, label}])               // 1-based; [] clears
//   ed.focus() / ed.destroy()
//
// Keyboard: Tab / Shift-Tab indent / dedent the selected lines. To move focus out of the
// editor with the keyboard, press Escape and then Tab (or Shift-Tab): CodeMirror's
// indentWithTab releases Tab for one press after Escape.

import { EditorState, Compartment, StateField, StateEffect, RangeSetBuilder, Annotation, Prec } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, drawSelection, dropCursor, Decoration, WidgetType, gutter,
  GutterMarker, hoverTooltip,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  indentUnit, indentOnInput, bracketMatching, syntaxHighlighting, HighlightStyle,
} from "@codemirror/language";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { python } from "@codemirror/lang-python";
import { tags as t } from "@lezer/highlight";

const FONT = 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace';

// ---------------------------------------------------------------------------------------------
// Themes

const light = {
  bg: "#ffffff", fg: "#1f2328", gutterBg: "#f6f8fa", gutterFg: "#8c959f", gutterActiveFg: "#1f2328",
  border: "#d0d7de", activeLine: "#f1f5fb", activeGutter: "#e7edf5", selection: "#b9d7ff",
  selectionUnfocused: "#dde6f0", cursor: "#0969da", match: "#fff1a8", matchBorder: "#d4a72c",
  bracket: "#c9e8d1", bracketBad: "#ffd5d5", tooltipBg: "#ffffff", tooltipFg: "#1f2328",
  keyword: "#cf222e", control: "#cf222e", def: "#8250df", func: "#6639ba", cls: "#953800",
  string: "#0a3069", number: "#0550ae", atom: "#0550ae", comment: "#6e7781", meta: "#953800",
  operator: "#cf222e", property: "#0550ae", punct: "#57606a", escape: "#116329",
  panelBg: "#f6f8fa",
};

const dark = {
  bg: "#161a22", fg: "#d4dbe6", gutterBg: "#161a22", gutterFg: "#5b6475", gutterActiveFg: "#c8d1de",
  border: "#2b3240", activeLine: "#1f2430", activeGutter: "#1f2430", selection: "#2f4a73",
  selectionUnfocused: "#2a3444", cursor: "#6cb6ff", match: "#4a4220", matchBorder: "#9e8a3a",
  bracket: "#2f5a3c", bracketBad: "#6b2a2a", tooltipBg: "#222834", tooltipFg: "#d4dbe6",
  keyword: "#ff7b72", control: "#ff7b72", def: "#d2a8ff", func: "#d2a8ff", cls: "#ffa657",
  string: "#a5d6ff", number: "#79c0ff", atom: "#79c0ff", comment: "#7d8797", meta: "#ffa657",
  operator: "#ff7b72", property: "#79c0ff", punct: "#8b95a7", escape: "#7ee787",
  panelBg: "#1c212b",
};

function makeTheme(c, isDark) {
  const view = EditorView.theme({
    "&": { color: c.fg, backgroundColor: c.bg, height: "100%", fontSize: "14px" },
    "&.cm-focused": { outline: "none" },
    ".cm-scroller": { fontFamily: FONT, lineHeight: "1.6", overflow: "auto" },
    ".cm-content": { caretColor: c.cursor, padding: "8px 0" },
    ".cm-line": { padding: "0 16px 0 10px" },
    ".cm-cursor, .cm-dropCursor": { borderLeftColor: c.cursor, borderLeftWidth: "2px" },
    "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-content ::selection":
      { backgroundColor: c.selection },
    ".cm-selectionBackground": { backgroundColor: c.selectionUnfocused },
    ".cm-activeLine": { backgroundColor: c.activeLine },
    // Only show the active line while the editor has focus.
    "&:not(.cm-focused) .cm-activeLine": { backgroundColor: "transparent" },
    "&:not(.cm-focused) .cm-activeLineGutter": { backgroundColor: "transparent", color: c.gutterFg },
    ".cm-gutters": {
      backgroundColor: c.gutterBg, color: c.gutterFg, border: "none",
      borderRight: `1px solid ${c.border}`,
    },
    ".cm-lineNumbers .cm-gutterElement": { padding: "0 10px 0 14px", minWidth: "2.5em" },
    ".cm-activeLineGutter": { backgroundColor: c.activeGutter, color: c.gutterActiveFg },
    ".cm-selectionMatch": { backgroundColor: c.match },
    ".cm-searchMatch": { backgroundColor: c.match, outline: `1px solid ${c.matchBorder}` },
    ".cm-searchMatch.cm-searchMatch-selected": { backgroundColor: c.selection },
    "&.cm-focused .cm-matchingBracket": { backgroundColor: c.bracket, outline: "none" },
    "&.cm-focused .cm-nonmatchingBracket": { backgroundColor: c.bracketBad, outline: "none" },
    ".cm-tooltip": {
      backgroundColor: c.tooltipBg, color: c.tooltipFg, border: `1px solid ${c.border}`,
      borderRadius: "6px", boxShadow: isDark ? "0 6px 18px rgba(0,0,0,.5)" : "0 6px 18px rgba(31,35,40,.15)",
    },
    ".cm-panels": { backgroundColor: c.panelBg, color: c.fg },
    ".cm-panels.cm-panels-top": { borderBottom: `1px solid ${c.border}` },
    ".cm-panels.cm-panels-bottom": { borderTop: `1px solid ${c.border}` },
    ".cm-textfield": { backgroundColor: c.bg, color: c.fg, border: `1px solid ${c.border}`, borderRadius: "4px" },
    ".cm-button": { backgroundImage: "none", backgroundColor: c.gutterBg, color: c.fg, border: `1px solid ${c.border}`, borderRadius: "4px" },
  }, { dark: isDark });

  const style = HighlightStyle.define([
    { tag: [t.keyword, t.moduleKeyword, t.operatorKeyword, t.modifier], color: c.keyword },
    { tag: t.controlKeyword, color: c.control },
    { tag: t.definitionKeyword, color: c.keyword },
    { tag: [t.function(t.definition(t.variableName))], color: c.def, fontWeight: "600" },
    { tag: [t.function(t.variableName), t.function(t.propertyName)], color: c.func },
    { tag: [t.definition(t.className), t.className], color: c.cls, fontWeight: "600" },
    { tag: [t.string, t.special(t.string)], color: c.string },
    { tag: t.escape, color: c.escape },
    { tag: t.number, color: c.number },
    { tag: [t.bool, t.null, t.atom], color: c.atom },
    { tag: t.comment, color: c.comment, fontStyle: "italic" },
    { tag: t.meta, color: c.meta },
    { tag: [t.arithmeticOperator, t.compareOperator, t.bitwiseOperator, t.updateOperator,
      t.definitionOperator], color: c.operator },
    { tag: t.propertyName, color: c.property },
    { tag: [t.paren, t.squareBracket, t.brace, t.separator, t.derefOperator, t.punctuation], color: c.punct },
    { tag: t.invalid, color: "#f85149" },
  ], { themeType: isDark ? "dark" : "light" });

  return [view, syntaxHighlighting(style)];
}

const lightTheme = makeTheme(light, false);
const darkTheme = makeTheme(dark, true);

// Styles for our own decorations; &light / &dark follow the active theme.
const baseTheme = EditorView.baseTheme({
  ".cm-il-diag-line-error": { backgroundColor: "rgba(248, 81, 73, 0.10)" },
  ".cm-il-diag-line-warning": { backgroundColor: "rgba(212, 167, 44, 0.12)" },
  ".cm-il-diag-line-info": { backgroundColor: "rgba(56, 139, 253, 0.10)" },
  ".cm-il-diag-error": { textDecoration: "underline wavy #e5534b", textDecorationSkipInk: "none", textUnderlineOffset: "2px" },
  ".cm-il-diag-warning": { textDecoration: "underline wavy #c69026", textDecorationSkipInk: "none", textUnderlineOffset: "2px" },
  ".cm-il-diag-info": { textDecoration: "underline wavy #388bfd", textDecorationSkipInk: "none", textUnderlineOffset: "2px" },
  ".cm-il-diag-gutter": { width: "16px" },
  ".cm-il-diag-gutter .cm-gutterElement": { padding: "0", display: "flex", alignItems: "center", justifyContent: "center" },
  ".cm-il-diag-marker": {
    display: "inline-block", width: "10px", height: "10px", borderRadius: "50%",
    color: "#fff", fontSize: "9px", lineHeight: "10px", textAlign: "center", fontWeight: "700",
    fontFamily: "system-ui, sans-serif", cursor: "default",
  },
  ".cm-il-diag-marker-error": { backgroundColor: "#e5534b" },
  ".cm-il-diag-marker-warning": { backgroundColor: "#c69026" },
  ".cm-il-diag-marker-info": { backgroundColor: "#388bfd" },
  ".cm-il-diag-tooltip": { padding: "4px 0", maxWidth: "560px" },
  ".cm-il-diag-msg": {
    padding: "3px 10px 3px 8px", borderLeft: "3px solid", whiteSpace: "pre-wrap",
    fontFamily: FONT, fontSize: "12.5px", margin: "2px 6px",
  },
  ".cm-il-diag-msg-error": { borderLeftColor: "#e5534b" },
  ".cm-il-diag-msg-warning": { borderLeftColor: "#c69026" },
  ".cm-il-diag-msg-info": { borderLeftColor: "#388bfd" },
  ".cm-il-thread-labels": {
    display: "inline-flex", gap: "4px", marginLeft: "14px", verticalAlign: "1px",
    userSelect: "none", pointerEvents: "none",
  },
  ".cm-il-thread-label": {
    display: "inline-block", padding: "0 6px", borderRadius: "9px", fontSize: "10.5px",
    lineHeight: "16px", fontFamily: "system-ui, -apple-system, \"Segoe UI\", sans-serif",
    fontWeight: "600", color: "#fff", whiteSpace: "nowrap",
  },
  "&.cm-il-readonly .cm-cursorLayer": { display: "none" },
  "&.cm-il-readonly .cm-content": { caretColor: "transparent" },
});

// ---------------------------------------------------------------------------------------------
// Diagnostics

const SEVERITIES = { error: 3, warning: 2, info: 1 };
const normSeverity = (s) => (s === "warning" || s === "info" ? s : "error");

const setDiagnosticsEffect = StateEffect.define();
const setThreadsEffect = StateEffect.define();
// Marks a transaction made by setDoc(): our fields rebuild from their specs instead of mapping,
// and onChange is not called.
const programmatic = Annotation.define();

class DiagMarker extends GutterMarker {
  constructor(severity, messages) { super(); this.severity = severity; this.messages = messages; }
  eq(o) { return o.severity === this.severity && o.messages === this.messages; }
  toDOM() {
    const el = document.createElement("span");
    el.className = `cm-il-diag-marker cm-il-diag-marker-${this.severity}`;
    el.textContent = this.severity === "error" ? "!" : this.severity === "warning" ? "!" : "i";
    el.title = this.messages;
    el.setAttribute("aria-hidden", "true");
    return el;
  }
}

// value: { specs, lines: Map<lineStartPos, {severity, items}>, deco, markers }
function buildDiagnostics(doc, specs) {
  const perLine = new Map();
  for (const d of specs) {
    const line = Math.floor(Number(d.line));
    if (!(line >= 1 && line <= doc.lines)) continue;
    const l = doc.line(line);
    const severity = normSeverity(d.severity);
    const message = String(d.message ?? "");
    // Underline range: the token at `col`, or the line's non-blank text without a column.
    let from, to;
    const text = l.text;
    if (d.col != null && Number(d.col) >= 1) {
      let i = Math.min(Math.floor(Number(d.col)) - 1, text.length);
      if (i >= text.length) i = Math.max(0, text.length - 1);
      let j = i;
      const word = /[\p{L}\p{N}_]/u;
      if (word.test(text[i] ?? "")) {
        while (i > 0 && word.test(text[i - 1])) i--;
        while (j < text.length && word.test(text[j])) j++;
      } else j = Math.min(text.length, i + 1);
      from = l.from + i; to = l.from + j;
    } else {
      const lead = text.length - text.trimStart().length;
      from = l.from + lead; to = l.from + text.trimEnd().length;
    }
    let entry = perLine.get(l.from);
    if (!entry) { entry = { line, severity, items: [], ranges: [] }; perLine.set(l.from, entry); }
    if (SEVERITIES[severity] > SEVERITIES[entry.severity]) entry.severity = severity;
    entry.items.push({ severity, message });
    if (to > from) entry.ranges.push({ from, to, severity });
  }
  const decos = [];
  const markers = new RangeSetBuilder();
  const starts = [...perLine.keys()].sort((a, b) => a - b);
  for (const pos of starts) {
    const e = perLine.get(pos);
    decos.push(Decoration.line({
      class: `cm-il-diag-line-${e.severity}`,
      attributes: { "data-diagnostic": e.severity },
    }).range(pos));
    for (const r of e.ranges) {
      decos.push(Decoration.mark({ class: `cm-il-diag-${r.severity}` }).range(r.from, r.to));
    }
    markers.add(pos, pos, new DiagMarker(e.severity, e.items.map((i) => i.message).join("\n")));
  }
  return { specs, perLine, deco: Decoration.set(decos, true), markers: markers.finish() };
}

const diagnosticsField = StateField.define({
  create: (state) => buildDiagnostics(state.doc, []),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setDiagnosticsEffect)) return buildDiagnostics(tr.state.doc, e.value);
    if (!tr.docChanged) return value;
    if (tr.annotation(programmatic)) return buildDiagnostics(tr.state.doc, value.specs);
    // User edit: keep markers on the text they were attached to until the app updates them.
    const perLine = new Map();
    for (const [pos, e] of value.perLine) {
      const np = tr.changes.mapPos(pos, -1);
      const ls = tr.state.doc.lineAt(np).from;
      if (!perLine.has(ls)) perLine.set(ls, e);
    }
    return { specs: value.specs, perLine, deco: value.deco.map(tr.changes), markers: value.markers.map(tr.changes) };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

const diagnosticsGutter = gutter({
  class: "cm-il-diag-gutter",
  markers: (view) => view.state.field(diagnosticsField).markers,
});

const diagnosticsHover = hoverTooltip((view, pos) => {
  const line = view.state.doc.lineAt(pos);
  const e = view.state.field(diagnosticsField).perLine.get(line.from);
  if (!e) return null;
  return {
    pos: line.from, end: line.to, above: true,
    create() {
      const dom = document.createElement("div");
      dom.className = "cm-il-diag-tooltip";
      dom.setAttribute("role", "tooltip");
      for (const it of e.items) {
        const m = document.createElement("div");
        m.className = `cm-il-diag-msg cm-il-diag-msg-${it.severity}`;
        m.textContent = it.message;
        dom.appendChild(m);
      }
      return { dom };
    },
  };
}, { hoverTime: 250 });

// ---------------------------------------------------------------------------------------------
// Thread lines

// Translucent version of any CSS colour (Chromium 111+, Firefox 113+, Safari 16.2+).
const tint = (color, pct) => `color-mix(in srgb, ${color} ${pct}%, transparent)`;
const cssColor = (c) => {
  const s = String(c ?? "").trim();
  // Reject anything that could break out of a style attribute.
  return /^[#a-zA-Z0-9(),.%\s-]+$/.test(s) && s ? s : "#888888";
};

// Black or white label text, whichever reads better on the label colour.
function labelTextColor(bg) {
  let r, g, b;
  let m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(bg);
  if (m) [r, g, b] = [+m[1], +m[2], +m[3]];
  else if ((m = /^#([0-9a-f]{3,8})$/i.exec(bg))) {
    let h = m[1];
    if (h.length <= 4) h = [...h].map((x) => x + x).join("");
    [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  } else return "#ffffff";
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const lum = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  // White unless its contrast drops below 3:1 (bold small UI text), then near-black.
  return 1.05 / (lum + 0.05) >= 3 ? "#ffffff" : "#111111";
}

class ThreadLabels extends WidgetType {
  constructor(threads) { super(); this.threads = threads; this.key = threads.map((x) => x.color + "\u0000" + x.label).join("\u0001"); }
  eq(o) { return o.key === this.key; }
  toDOM() {
    const wrap = document.createElement("span");
    wrap.className = "cm-il-thread-labels";
    wrap.setAttribute("aria-hidden", "true");
    for (const th of this.threads) {
      const s = document.createElement("span");
      s.className = "cm-il-thread-label";
      s.style.backgroundColor = th.color;
      s.style.color = labelTextColor(s.style.backgroundColor);
      s.textContent = th.label;
      wrap.appendChild(s);
    }
    return wrap;
  }
  ignoreEvent() { return true; }
}

function buildThreads(doc, specs) {
  const perLine = new Map();
  for (const s of specs) {
    const line = Math.floor(Number(s.line));
    if (!(line >= 1 && line <= doc.lines)) continue;
    const color = cssColor(s.color);
    const label = String(s.label ?? "");
    let arr = perLine.get(line);
    if (!arr) perLine.set(line, (arr = []));
    if (!arr.some((x) => x.color === color && x.label === label)) arr.push({ color, label });
  }
  const decos = [];
  for (const line of [...perLine.keys()].sort((a, b) => a - b)) {
    const threads = perLine.get(line);
    const l = doc.line(line);
    const bg = threads.length === 1
      ? `background-color: ${tint(threads[0].color, 16)};`
      : `background-image: linear-gradient(90deg, ${threads.map((x) => tint(x.color, 18)).join(", ")});`;
    const stripes = threads.map((x, i) => `inset ${3 * (i + 1)}px 0 0 ${x.color}`).join(", ");
    decos.push(Decoration.line({
      class: "cm-il-thread-line",
      attributes: {
        style: `${bg} box-shadow: ${stripes};`,
        "data-threads": threads.map((x) => x.label).join(","),
      },
    }).range(l.from));
    if (threads.some((x) => x.label)) {
      decos.push(Decoration.widget({ widget: new ThreadLabels(threads.filter((x) => x.label)), side: 1 }).range(l.to));
    }
  }
  return { specs, deco: Decoration.set(decos, true) };
}

const threadsField = StateField.define({
  create: (state) => buildThreads(state.doc, []),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setThreadsEffect)) return buildThreads(tr.state.doc, e.value);
    if (!tr.docChanged) return value;
    if (tr.annotation(programmatic)) return buildThreads(tr.state.doc, value.specs);
    return { specs: value.specs, deco: value.deco.map(tr.changes) };
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

// ---------------------------------------------------------------------------------------------
// API

function toArray(x) {
  if (x == null) return [];
  if (Array.isArray(x)) return x;
  try { return Array.from(x); } catch { return []; }
}

function create(parent, opts = {}) {
  if (!parent || !(parent instanceof Element)) throw new TypeError("InterleaveEditor.create: parent must be a DOM element");
  const themeC = new Compartment();
  const readOnlyC = new Compartment();
  let onChange = typeof opts.onChange === "function" ? opts.onChange : null;
  let onRun = typeof opts.onRun === "function" ? opts.onRun : null;
  let isDark = !!opts.dark;
  let changePending = false;

  const runKey = Prec.highest(keymap.of([
    { key: "Mod-Enter", run: () => { if (onRun) onRun(); return true; }, preventDefault: true },
    { mac: "Ctrl-Enter", run: () => { if (onRun) onRun(); return true; }, preventDefault: true },
  ]));

  const readOnlyExt = (ro) => ro
    ? [EditorState.readOnly.of(true), EditorView.editorAttributes.of({ class: "cm-il-readonly" }),
       EditorView.contentAttributes.of({ "aria-readonly": "true" })]
    : [];

  const state = EditorState.create({
    doc: String(opts.doc ?? ""),
    extensions: [
      runKey,
      lineNumbers(),
      diagnosticsGutter,
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      dropCursor(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      EditorState.tabSize.of(4),
      indentUnit.of("    "),
      python(),
      keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
      EditorView.contentAttributes.of({ "aria-label": String(opts.ariaLabel ?? "Python code"), spellcheck: "false", autocapitalize: "off", autocorrect: "off" }),
      diagnosticsField,
      threadsField,
      diagnosticsHover,
      baseTheme,
      themeC.of(isDark ? darkTheme : lightTheme),
      readOnlyC.of(readOnlyExt(!!opts.readOnly)),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged || !onChange) return;
        if (u.transactions.every((tr) => tr.annotation(programmatic))) return;
        // Report after the update cycle (a microtask, so still before the next key event such
        // as Ctrl-Enter): the callback may call back into this API (setDiagnostics, ...), and
        // CodeMirror advises against dispatching from inside update listeners. Bursts of
        // changes within one task coalesce into one call.
        if (changePending) return;
        changePending = true;
        queueMicrotask(() => {
          changePending = false;
          if (view && onChange) onChange(view.state.doc.toString());
        });
      }),
    ],
  });

  let view = new EditorView({ state, parent });

  const alive = () => {
    if (!view) throw new Error("InterleaveEditor: editor was destroyed");
    return view;
  };

  return {
    getDoc() { return alive().state.doc.toString(); },
    setDoc(text) {
      const v = alive();
      const s = String(text ?? "");
      if (s === v.state.doc.toString()) return;
      v.dispatch({
        changes: { from: 0, to: v.state.doc.length, insert: s },
        selection: { anchor: Math.min(v.state.selection.main.head, s.length) },
        annotations: [programmatic.of(true)],
      });
    },
    setDark(d) {
      const v = alive();
      if (!!d === isDark) return;
      isDark = !!d;
      v.dispatch({ effects: themeC.reconfigure(isDark ? darkTheme : lightTheme) });
    },
    setReadOnly(ro) { alive().dispatch({ effects: readOnlyC.reconfigure(readOnlyExt(!!ro)) }); },
    setDiagnostics(list) { alive().dispatch({ effects: setDiagnosticsEffect.of(toArray(list)) }); },
    setThreadLines(list) { alive().dispatch({ effects: setThreadsEffect.of(toArray(list)) }); },
    focus() { alive().focus(); },
    destroy() {
      if (!view) return;
      view.destroy();
      view = null;
      onChange = null;
      onRun = null;
    },
  };
}

window.InterleaveEditor = { create };
