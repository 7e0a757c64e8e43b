package org.l1path.job.plot;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A plot parsed back as XML, so that tests assert on its structure rather than on its text. */
final class SvgDocument {
  private final Document document;

  private SvgDocument(Document document) {
    this.document = document;
  }

  static SvgDocument parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return new SvgDocument(
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
  }

  Element root() {
    return document.getDocumentElement();
  }

  List<Element> select(String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  List<String> texts(String xpath) throws Exception {
    return select(xpath).stream().map(Element::getTextContent).toList();
  }

  /** The x coordinates of a polyline's points. */
  static double[] xs(Element polyline) {
    String[] points = polyline.getAttribute("points").trim().split("\\s+");
    double[] xs = new double[points.length];
    for (int i = 0; i < points.length; i++) {
      xs[i] = Double.parseDouble(points[i].split(",")[0]);
    }
    return xs;
  }
}
