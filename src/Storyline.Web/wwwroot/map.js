// Draws a story's places on a world map from the bundled world-atlas TopoJSON (geo/countries-50m.json), with no
// library and no network: TopoJSON arcs are decoded here and projected equirectangularly, zoomed to the places.
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  let topologyPromise = null;

  function loadTopology() {
    if (!topologyPromise) {
      topologyPromise = fetch("/geo/countries-50m.json").then(r => {
        if (!r.ok) throw new Error("map data " + r.status);
        return r.json();
      });
    }
    return topologyPromise;
  }

  // Arcs are quantised and delta-encoded: each point is the sum of the deltas before it, then scaled and translated.
  function decodeArcs(topology) {
    const [sx, sy] = topology.transform.scale;
    const [tx, ty] = topology.transform.translate;
    return topology.arcs.map(arc => {
      let x = 0, y = 0;
      return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
    });
  }

  // A ring that crosses the antimeridian (Russia's far east, Fiji) is unwrapped: a jump of more than 180 degrees
  // shifts the rest of the ring by 360, so that no stripe is drawn across the whole map.
  function ring(arcs, indexes) {
    const points = [];
    let shift = 0, previous = null;
    indexes.forEach((i, n) => {
      const arc = i < 0 ? arcs[~i].slice().reverse() : arcs[i];
      arc.forEach(([x, y], k) => {
        if (n > 0 && k === 0) return;
        if (previous !== null) {
          if (x + shift - previous > 180) shift -= 360;
          else if (x + shift - previous < -180) shift += 360;
        }
        previous = x + shift;
        points.push([x + shift, y]);
      });
    });
    return points;
  }

  function polygons(geometry) {
    if (geometry.type === "Polygon") return [geometry.arcs];
    if (geometry.type === "MultiPolygon") return geometry.arcs;
    return [];
  }

  // The places to frame: from the most mentioned town, each next one (by mentions) that keeps the box within
  // 110 x 60 degrees, so that one far-off mention (a White House statement) does not zoom out to the whole world.
  function cluster(places) {
    const towns = places.filter(p => !p.isCountry);
    // Towns named more than once frame the map when there are a few of them; a passing mention does not.
    const repeated = towns.filter(p => p.mentions >= 2);
    const pool = repeated.length >= 3 ? repeated : (towns.length ? towns : places);
    const candidates = pool.slice().sort((a, b) => b.mentions - a.mentions);
    const kept = [];
    for (const p of candidates) {
      const all = kept.concat([p]);
      const lon = all.map(q => q.longitude), lat = all.map(q => q.latitude);
      if (kept.length === 0 || (Math.max(...lon) - Math.min(...lon) <= 110 && Math.max(...lat) - Math.min(...lat) <= 60)) kept.push(p);
    }
    return kept;
  }

  // The box to show: the framed places with a margin, at least 30 degrees of longitude, 16:10 (the map's own shape,
  // so that the whole box is shown and a label placed inside it is never cut by the edge).
  function frame(places) {
    const shown = cluster(places);
    let west = Math.min(...shown.map(p => p.longitude)), east = Math.max(...shown.map(p => p.longitude));
    let south = Math.min(...shown.map(p => p.latitude)), north = Math.max(...shown.map(p => p.latitude));
    const padX = Math.max((east - west) * 0.25, 5), padY = Math.max((north - south) * 0.25, 4);
    west -= padX; east += padX; south -= padY; north += padY;
    // At least 30 degrees across: a single town in a box of its own country's land is an empty patch with a dot.
    let width = Math.max(east - west, 30), height = north - south;
    const cx = (west + east) / 2, cy = (south + north) / 2;
    if (width / height > 1.6) height = width / 1.6; else width = height * 1.6;
    return { x: cx - width / 2, y: -(cy + height / 2), width, height };
  }

  function path(rings) {
    return rings.map(r => "M" + r.map(([x, y]) => x.toFixed(3) + "," + (-y).toFixed(3)).join("L") + "Z").join("");
  }

  function el(name, attrs) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  // places: [{name, latitude, longitude, isCountry, mentions}]. Names are set as text, never as markup.
  window.drawStoryMap = async function (container, places, label) {
    const topology = await loadTopology();
    const arcs = decodeArcs(topology);
    const box = frame(places);
    const frameBox = box;
    const countryNames = new Set(places.filter(p => p.isCountry).map(p => p.name.toLowerCase()));
    const svg = el("svg", { class: "map", viewBox: `${box.x} ${box.y} ${box.width} ${box.height}`, role: "img", preserveAspectRatio: "xMidYMid meet" });
    const title = el("title");
    title.textContent = label;
    svg.appendChild(title);
    const land = el("g");
    for (const geometry of topology.objects.countries.geometries) {
      const name = geometry.properties && geometry.properties.name ? geometry.properties.name : "";
      const rings = polygons(geometry).flatMap(poly => poly.map(r => ring(arcs, r)));
      const d = path(rings);
      if (!d) continue;
      land.appendChild(el("path", { d, class: countryNames.has(name.toLowerCase()) ? "country named" : "country" }));
    }
    svg.appendChild(land);

    const unit = box.width / 100;
    const maxMentions = Math.max(1, ...places.map(p => p.mentions));
    const pins = el("g");
    const labels = el("g");
    const size = unit * 3.2;
    const placed = [];
    const overlaps = b => placed.some(o => b.x < o.x + o.w && o.x < b.x + b.w && b.y < o.y + o.h && o.y < b.y + b.h);
    // Most mentioned first: each gets a circle; a town gets a label to its right, else its left, where that does
    // not cover a label already placed (the list under the map names them all).
    for (const p of places.slice().sort((a, b) => b.mentions - a.mentions)) {
      const r = unit * (0.7 + 1.1 * Math.sqrt(p.mentions / maxMentions));
      const circle = el("circle", { cx: p.longitude, cy: -p.latitude, r, class: p.isCountry ? "pin country-pin" : "pin" });
      const tip = el("title");
      tip.textContent = `${p.name} (${p.mentions} mentions)`;
      circle.appendChild(tip);
      pins.appendChild(circle);
      if (p.isCountry) continue;
      const w = p.name.length * size * 0.62, hgt = size * 0.8, cy = -p.latitude;
      const spots = [
        { x: p.longitude + r * 1.3, y: cy - hgt / 2, anchor: "start" },
        { x: p.longitude - r * 1.3 - w, y: cy - hgt / 2, anchor: "end" },
        { x: p.longitude + r, y: cy - hgt - r, anchor: "start" },
        { x: p.longitude + r, y: cy + r, anchor: "start" },
      ].map(b => ({ ...b, w, h: hgt }));
      const inside = b => b.x >= frameBox.x && b.x + b.w <= frameBox.x + frameBox.width && b.y >= frameBox.y && b.y + b.h <= frameBox.y + frameBox.height;
      const box = spots.find(b => inside(b) && !overlaps(b));
      if (!box) continue;
      placed.push(box);
      const text = el("text", { x: box.anchor === "start" ? box.x : box.x + w, y: box.y + hgt * 0.85, "font-size": size, "stroke-width": unit * 0.8, "text-anchor": box.anchor, "data-pin": p.longitude, "data-gap": r * 1.3 });
      text.textContent = p.name;
      labels.appendChild(text);
    }
    svg.appendChild(pins);
    svg.appendChild(labels);
    container.replaceChildren(svg);
    // The width of a label was estimated from its letters; now that it is drawn, one that still runs past an edge
    // (a wide name near the border: "Tokyo" at the right) is moved to the pin's other side, else left to the list.
    for (const text of Array.from(labels.childNodes)) {
      const fits = b => b.x >= frameBox.x && b.x + b.width <= frameBox.x + frameBox.width && b.y >= frameBox.y && b.y + b.height <= frameBox.y + frameBox.height;
      let bb = text.getBBox();
      if (fits(bb)) continue;
      const pin = Number(text.getAttribute("data-pin")), gap = Number(text.getAttribute("data-gap"));
      const start = text.getAttribute("text-anchor") === "start";
      text.setAttribute("text-anchor", start ? "end" : "start");
      text.setAttribute("x", start ? pin - gap : pin + gap);
      bb = text.getBBox();
      if (!fits(bb)) text.remove();
    }
    const outside = places.length - places.filter(p => p.longitude >= box.x && p.longitude <= box.x + box.width && -p.latitude >= box.y && -p.latitude <= box.y + box.height).length;
    return outside;
  };
})();
