package org.l1path.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.l1path.solver.Storage;
import weka.attributeSelection.LassoAttributeEval;
import weka.classifiers.functions.Lasso;
import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Utils;

/**
 * {@code -storage}: read and written by both schemes, a GUI drop-down of its own, left out of the
 * options when automatic, refused with its name when the value is unknown.
 */
class StorageOptionTest {

  @Test
  void eachValueRoundTripsThroughTheClassifiersOptions() throws Exception {
    for (String value : new String[] {"dense", "sparse"}) {
      Lasso lasso = new Lasso();
      lasso.setOptions(new String[] {"-storage", value});
      assertEquals(value, lasso.getStorage().getSelectedTag().getIDStr());
      List<String> written = List.of(lasso.getOptions());
      assertEquals(value, written.get(written.indexOf("-storage") + 1));
      Lasso copy = new Lasso();
      copy.setOptions(lasso.getOptions());
      assertArrayEquals(lasso.getOptions(), copy.getOptions());
    }
    // Upper case is accepted, as -measure's values are.
    Lasso upper = new Lasso();
    upper.setOptions(new String[] {"-storage", "DENSE"});
    assertEquals("dense", upper.getStorage().getSelectedTag().getIDStr());
  }

  /** The default is automatic and is not written, so default scheme lines stay as they were. */
  @Test
  void autoIsTheDefaultAndIsLeftOut() throws Exception {
    Lasso lasso = new Lasso();
    assertEquals("auto", lasso.getStorage().getSelectedTag().getIDStr());
    assertFalse(List.of(lasso.getOptions()).contains("-storage"));
    lasso.setOptions(new String[] {"-storage", "auto"});
    assertFalse(List.of(lasso.getOptions()).contains("-storage"));
    lasso.setOptions(new String[] {"-storage", "sparse"});
    lasso.setOptions(new String[0]);
    assertEquals("auto", lasso.getStorage().getSelectedTag().getIDStr());
    assertFalse(Utils.joinOptions(new LassoAttributeEval().getOptions()).contains("-storage"));
  }

  @Test
  void theEvaluatorTakesTheOptionToo() throws Exception {
    LassoAttributeEval eval = new LassoAttributeEval();
    eval.setOptions(new String[] {"-M", "entry", "-storage", "dense"});
    assertEquals("dense", eval.getStorage().getSelectedTag().getIDStr());
    LassoAttributeEval copy = new LassoAttributeEval();
    copy.setOptions(eval.getOptions());
    assertArrayEquals(eval.getOptions(), copy.getOptions());
  }

  /** The Explorer sets the property through its tag list; another list's tag is ignored. */
  @Test
  void theGuiPropertyTakesItsOwnTags() {
    Lasso lasso = new Lasso();
    lasso.setStorage(new SelectedTag("sparse", PathOptionTexts.STORAGES));
    assertEquals("sparse", lasso.getStorage().getSelectedTag().getIDStr());
    lasso.setStorage(new SelectedTag("1se", PathOptionTexts.RULES));
    assertEquals("sparse", lasso.getStorage().getSelectedTag().getIDStr());
    assertTrue(lasso.storageTipText().contains("sparse"));
    // Each tag stands for the storage its id names.
    for (var tag : PathOptionTexts.STORAGES) {
      assertEquals(tag.getIDStr(), Storage.values()[tag.getID()].name().toLowerCase());
    }
  }

  @Test
  void anUnknownValueIsRefusedNamingTheOption() {
    Exception e =
        assertThrows(
            Exception.class, () -> new Lasso().setOptions(new String[] {"-storage", "csr"}));
    assertTrue(e.getMessage().contains("-storage must be auto, dense or sparse"), e.getMessage());
  }

  @Test
  void theOptionIsListed() {
    List<Option> options = Collections.list(new Lasso().listOptions());
    assertTrue(options.stream().anyMatch(o -> o.synopsis().equals("-storage <auto|dense|sparse>")));
    options = Collections.list(new LassoAttributeEval().listOptions());
    assertTrue(options.stream().anyMatch(o -> o.name().equals("storage")));
  }
}
