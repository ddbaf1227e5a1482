// The dashboard's only way to the data: the same /v1 API everyone else uses.
export class ApiError extends Error {}

export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(message);
  }
  return body;
}

const FILTER_NAMES = ["actor", "cameo", "plover", "quad_class", "since", "until", "place", "q"];

// Filters from the form, as API parameters (empty ones dropped).
export function readFilters(form) {
  const data = new FormData(form);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = String(data.get(name) || "").trim();
    if (value) filters[name] = name === "actor" ? value.toUpperCase() : value;
  }
  if (!data.get("background")) filters.background = "false";
  return filters;
}

export function writeFilters(form, filters) {
  for (const name of FILTER_NAMES) form.elements[name].value = filters[name] || "";
  form.elements.background.checked = filters.background !== "false";
}

// The filters live in the URL hash too, so a view can be bookmarked or shared.
export function filtersFromHash() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ""));
  const filters = {};
  for (const name of [...FILTER_NAMES, "background"]) {
    if (params.get(name)) filters[name] = params.get(name);
  }
  return filters;
}

export function filtersToHash(filters) {
  const text = new URLSearchParams(filters).toString();
  history.replaceState(null, "", text ? `#${text}` : location.pathname);
}
