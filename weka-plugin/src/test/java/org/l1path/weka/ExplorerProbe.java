package org.l1path.weka;

import java.awt.Component;
import java.awt.Container;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.FileReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JPopupMenu;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.JTree;
import javax.swing.JViewport;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeNode;
import javax.swing.tree.TreePath;
import weka.classifiers.AbstractClassifier;
import weka.core.Instances;
import weka.gui.GenericObjectEditor;
import weka.gui.LookAndFeel;
import weka.gui.explorer.AttributeSelectionPanel;
import weka.gui.explorer.ClassifierPanel;
import weka.gui.explorer.Explorer;
import weka.gui.explorer.Explorer.ExplorerPanel;

/**
 * Run in a fresh JVM on a display by {@code ExplorerGuiIT}: opens Weka's Explorer as a user would
 * (with the packages in {@code WEKA_HOME} loaded), reads the classifier and evaluator choosers'
 * trees, runs Lasso on an ARFF in the Classify tab, and saves screenshots and the output text. It
 * uses only Weka's API, so l1path's classes must come from the installed package. Prints one {@code
 * key=value} line per finding.
 *
 * <p>Arguments: the output directory and the ARFF file.
 */
public final class ExplorerProbe {
  private static final String LASSO = "weka.classifiers.functions.Lasso";
  private static final String EVALUATOR = "weka.attributeSelection.LassoAttributeEval";

  private ExplorerProbe() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    File arff = new File(args[1]);
    Files.createDirectories(out);
    // What Explorer.main does before it builds the window: packages loaded, class lists built.
    LookAndFeel.setLookAndFeel();
    GenericObjectEditor.determineClasses();

    AtomicReference<Explorer> explorerRef = new AtomicReference<>();
    AtomicReference<JFrame> frameRef = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          Explorer explorer = new Explorer();
          JFrame frame = new JFrame("Weka Explorer");
          frame.getContentPane().add(explorer);
          frame.setLocation(0, 0);
          frame.setSize(1280, 900);
          frame.setVisible(true);
          explorerRef.set(explorer);
          frameRef.set(frame);
        });
    Explorer explorer = explorerRef.get();
    JFrame frame = frameRef.get();
    ClassifierPanel classify = panel(explorer, ClassifierPanel.class);
    AttributeSelectionPanel select = panel(explorer, AttributeSelectionPanel.class);
    GenericObjectEditor classifierEditor = field(classify, "m_ClassifierEditor");
    GenericObjectEditor evaluatorEditor = field(select, "m_AttributeEvaluatorEditor");

    List<String> classifiers =
        onEdt(() -> leaves(tree(classifierEditor.getChooseClassPopupMenu())));
    List<String> evaluators = onEdt(() -> leaves(tree(evaluatorEditor.getChooseClassPopupMenu())));
    System.out.println("classifierChooserHasLasso=" + classifiers.contains(LASSO));
    System.out.println("evaluatorChooserHasLassoAttributeEval=" + evaluators.contains(EVALUATOR));
    System.out.println("classifierChooserSize=" + classifiers.size());

    // The chooser, open at functions > Lasso, as a user sees it after installing.
    JTabbedPane tabs = explorer.getTabbedPane();
    SwingUtilities.invokeAndWait(() -> tabs.setSelectedComponent(classify));
    JPopupMenu chooser = onEdt(classifierEditor::getChooseClassPopupMenu);
    SwingUtilities.invokeAndWait(
        () -> {
          JTree tree = tree(chooser);
          TreePath path = pathTo(tree, LASSO);
          tree.setSelectionPath(path);
          tree.scrollPathToVisible(path);
          chooser.show(classify, 10, 40);
        });
    capture(frame, out.resolve("classifier-chooser.png"));
    SwingUtilities.invokeAndWait(() -> chooser.setVisible(false));

    // Lasso on the ARFF in the Classify tab, with the Explorer's default 10-fold evaluation.
    Instances data;
    try (FileReader reader = new FileReader(arff, StandardCharsets.UTF_8)) {
      data = new Instances(reader);
    }
    SwingUtilities.invokeAndWait(() -> explorer.getPreprocessPanel().setInstances(data));
    Object lasso = AbstractClassifier.forName(LASSO, new String[0]);
    System.out.println("lassoLoadedBy=" + lasso.getClass().getClassLoader().getClass().getName());
    SwingUtilities.invokeAndWait(
        () -> {
          tabs.setSelectedComponent(classify);
          classifierEditor.setValue(lasso);
        });
    JButton start = field(classify, "m_StartBut");
    JTextArea output = field(classify, "m_OutText");
    SwingUtilities.invokeAndWait(start::doClick);
    String text = waitForResult(output);
    Files.writeString(out.resolve("explorer-output.txt"), text, StandardCharsets.UTF_8);
    System.out.println("classifierOutputHasModel=" + text.contains("Lasso / elastic-net"));
    SwingUtilities.invokeAndWait(() -> scrollTo(output, text.indexOf("=== Classifier model")));
    capture(frame, out.resolve("explorer-lasso.png"));
    System.out.println("done=true");
    System.exit(0);
  }

  private static String waitForResult(JTextArea output) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (System.currentTimeMillis() < deadline) {
      String text = onEdt(output::getText);
      int cv = text.indexOf("=== Cross-validation ===");
      if (cv >= 0 && text.indexOf("Total Number of Instances", cv) >= 0) {
        return text;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the Explorer showed no result within 120 s");
  }

  private static void scrollTo(JTextArea area, int offset) {
    try {
      Rectangle r = area.modelToView2D(Math.max(0, offset)).getBounds();
      if (area.getParent() instanceof JViewport viewport) {
        viewport.setViewPosition(new Point(0, r.y));
      }
    } catch (javax.swing.text.BadLocationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void capture(JFrame frame, Path file) throws Exception {
    Toolkit.getDefaultToolkit().sync();
    Thread.sleep(1500);
    Rectangle bounds = onEdt(frame::getBounds);
    BufferedImage image = new Robot().createScreenCapture(bounds);
    ImageIO.write(image, "png", file.toFile());
    System.out.println("screenshot=" + file);
  }

  private static <T extends ExplorerPanel> T panel(Explorer explorer, Class<T> type) {
    for (ExplorerPanel p : explorer.getPanels()) {
      if (type.isInstance(p)) {
        return type.cast(p);
      }
    }
    throw new IllegalStateException("the Explorer has no " + type.getSimpleName());
  }

  @SuppressWarnings("unchecked")
  private static <T> T field(Object owner, String name) throws ReflectiveOperationException {
    Class<?> c = owner.getClass();
    while (c != null) {
      try {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return (T) f.get(owner);
      } catch (NoSuchFieldException e) {
        c = c.getSuperclass();
      }
    }
    throw new NoSuchFieldException(name);
  }

  private static JTree tree(Container root) {
    for (Component c : root.getComponents()) {
      if (c instanceof JTree t) {
        return t;
      }
      if (c instanceof Container inner) {
        JTree found = treeOrNull(inner);
        if (found != null) {
          return found;
        }
      }
    }
    throw new IllegalStateException("no tree in the chooser popup");
  }

  private static JTree treeOrNull(Container root) {
    try {
      return tree(root);
    } catch (IllegalStateException e) {
      return null;
    }
  }

  /** Every leaf of the chooser tree as a dotted class name. */
  private static List<String> leaves(JTree tree) {
    List<String> out = new ArrayList<>();
    DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
    Enumeration<TreeNode> nodes = root.depthFirstEnumeration();
    while (nodes.hasMoreElements()) {
      DefaultMutableTreeNode node = (DefaultMutableTreeNode) nodes.nextElement();
      if (node.isLeaf()) {
        out.add(className(node));
      }
    }
    return out;
  }

  private static TreePath pathTo(JTree tree, String className) {
    DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
    Enumeration<TreeNode> nodes = root.depthFirstEnumeration();
    while (nodes.hasMoreElements()) {
      DefaultMutableTreeNode node = (DefaultMutableTreeNode) nodes.nextElement();
      if (node.isLeaf() && className(node).equals(className)) {
        return new TreePath(node.getPath());
      }
    }
    throw new IllegalStateException(className + " is not in the chooser");
  }

  private static String className(DefaultMutableTreeNode node) {
    StringBuilder sb = new StringBuilder();
    for (Object part : node.getUserObjectPath()) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  private interface EdtCall<T> {
    T call() throws Exception;
  }

  private static <T> T onEdt(EdtCall<T> call) throws Exception {
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Exception> failure = new AtomicReference<>();
    SwingUtilities.invokeAndWait(
        () -> {
          try {
            result.set(call.call());
          } catch (Exception e) {
            failure.set(e);
          }
        });
    if (failure.get() != null) {
      throw failure.get();
    }
    return result.get();
  }
}
