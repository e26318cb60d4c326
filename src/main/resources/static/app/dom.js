/**
 * Builds DOM nodes from data without HTML strings, so that no job id, operation name or problem detail can ever be
 * read as markup, and the page runs under a Content-Security-Policy that requires Trusted Types.
 */

const SVG = 'http://www.w3.org/2000/svg';

/** An element: attributes (`on` for listeners, `text` for text content, `style` for CSS custom properties), then children. */
export function h(tag, attributes = {}, ...children) {
    return build(document.createElement(tag), ...split(attributes, children));
}

/** An SVG element, as {@link h}. */
export function svg(tag, attributes = {}, ...children) {
    return build(document.createElementNS(SVG, tag), ...split(attributes, children));
}

/** Replaces an element's children. */
export function fill(parent, ...children) {
    parent.replaceChildren(...children.flat().filter(child => child != null && child !== false));
    return parent;
}

/** The element with this id; a missing one is a bug in index.html, so it throws. */
export function byId(id) {
    const element = document.getElementById(id);
    if (!element) {
        throw new Error(`index.html has no element #${id}`);
    }
    return element;
}

/** Attributes are optional: h('p', 'text') and h('dd', h('code', …)) have only children. */
function split(attributes, children) {
    const isChild = attributes == null || typeof attributes !== 'object' || attributes instanceof Node || Array.isArray(attributes);
    return isChild ? [{}, [attributes, ...children]] : [attributes, children];
}

function build(element, attributes, children) {
    for (const [name, value] of Object.entries(attributes)) {
        if (value == null || value === false) {
            continue;
        }
        if (name === 'on') {
            for (const [event, listener] of Object.entries(value)) {
                element.addEventListener(event, listener);
            }
        } else if (name === 'text') {
            element.textContent = String(value);
        } else if (name === 'style') {
            // CSSOM, not a style attribute: allowed by style-src 'self'
            for (const [property, setting] of Object.entries(value)) {
                element.style.setProperty(property, String(setting));
            }
        } else {
            element.setAttribute(name, value === true ? '' : String(value));
        }
    }
    for (const child of children.flat()) {
        if (child != null && child !== false) {
            element.append(child instanceof Node ? child : String(child));
        }
    }
    return element;
}
