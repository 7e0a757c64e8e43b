package org.l1path.job.plot;

/**
 * A minimal SVG document writer: elements, attributes and text, escaped as XML needs, with numbers
 * written in a locale-independent short form.
 */
final class Svg {
  private final StringBuilder out = new StringBuilder(8192);

  Svg(double width, double height) {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
    out.append(" width=\"").append(num(width)).append("\" height=\"").append(num(height));
    out.append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height));
    out.append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
  }

  /** Opens an element; {@code attributes} alternate name and value. */
  Svg open(String name, String... attributes) {
    start(name, attributes);
    out.append(">\n");
    return this;
  }

  Svg close(String name) {
    out.append("</").append(name).append(">\n");
    return this;
  }

  /** An element without content. */
  Svg empty(String name, String... attributes) {
    start(name, attributes);
    out.append("/>\n");
    return this;
  }

  /** An element holding only text, such as {@code text} or {@code title}. */
  Svg text(String name, String content, String... attributes) {
    start(name, attributes);
    out.append('>');
    escape(content);
    out.append("</").append(name).append(">\n");
    return this;
  }

  String finish() {
    out.append("</svg>\n");
    return out.toString();
  }

  private void start(String name, String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes must come in name/value pairs");
    }
    out.append('<').append(name);
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"");
      escape(attributes[i + 1]);
      out.append('"');
    }
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          // XML 1.0 forbids most control characters even as references; a CSV header could hold
          // one.
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
  }

  /** A coordinate rounded to 0.01 px: plenty for a screen, and a fraction of the file size. */
  static String num(double value) {
    long hundredths = Math.round(value * 100);
    if (hundredths == 0) {
      return "0";
    }
    StringBuilder s = new StringBuilder();
    if (hundredths < 0) {
      s.append('-');
      hundredths = -hundredths;
    }
    s.append(hundredths / 100);
    long fraction = hundredths % 100;
    if (fraction != 0) {
      s.append('.').append(fraction / 10);
      if (fraction % 10 != 0) {
        s.append(fraction % 10);
      }
    }
    return s.toString();
  }
}
