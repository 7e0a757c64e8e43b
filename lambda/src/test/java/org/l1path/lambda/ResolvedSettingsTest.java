package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.l1path.job.FitRequest;
import org.l1path.solver.CvMeasure;
import org.l1path.solver.Family;

class ResolvedSettingsTest {
  private static final List<String> OPTIONS =
      List.of("target", "l1-ratio", "folds", "rule", "standardize");

  @Test
  void sidecarBeatsMetadataBeatsEnvironmentBeatsDefault() {
    Map<String, String> environment = Map.of("target", "env", "l1-ratio", "0.1", "folds", "3");
    Map<String, String> metadata =
        Map.of("l1path-target", "meta", "l1path-l1-ratio", "0.2", "owner", "someone");
    Map<String, String> sidecar = Map.of("target", "side");

    ResolvedSettings settings = ResolvedSettings.resolve(OPTIONS, environment, metadata, sidecar);

    assertEquals(Map.of("target", "side", "l1-ratio", "0.2", "folds", "3"), settings.options());
    Map<String, Origin> expected = new LinkedHashMap<>();
    expected.put("target", Origin.SIDECAR);
    expected.put("l1_ratio", Origin.METADATA);
    expected.put("folds", Origin.ENVIRONMENT);
    expected.put("rule", Origin.DEFAULT);
    expected.put("standardize", Origin.DEFAULT);
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(settings.origins().entrySet()));
  }

  @Test
  void metadataMayUseUnderscoresAndAnyCase() {
    ResolvedSettings settings =
        ResolvedSettings.resolve(OPTIONS, Map.of(), Map.of("L1path-L1_Ratio", "0.5"), Map.of());
    assertEquals("0.5", settings.options().get("l1-ratio"));
  }

  @Test
  void anUnknownMetadataSettingIsRefused() {
    SettingsException error =
        assertThrows(
            SettingsException.class,
            () ->
                ResolvedSettings.resolve(
                    OPTIONS, Map.of(), Map.of("l1path-tagret", "y"), Map.of()));
    assertTrue(error.getMessage().contains("x-amz-meta-l1path-tagret"), error.getMessage());
  }

  @Test
  void sidecarListsBecomeCommaSeparatedAndNumbersKeepTheirText() {
    Map<String, String> options =
        Sidecar.parse(
            "{\"target\": \"price\", \"l1_ratio\": [0.5, 1], \"folds\": 5, \"standardize\": false}",
            "in/x.csv.l1path.json",
            OPTIONS);

    assertEquals(
        Map.of("target", "price", "l1-ratio", "0.5,1", "folds", "5", "standardize", "false"),
        options);
  }

  @Test
  void malformedSidecarsNameTheFileAndTheProblem() {
    String name = "in/x.csv.l1path.json";
    assertEquals(
        "malformed sidecar in/x.csv.l1path.json: unknown setting 'tagret'; the settings are"
            + " target, l1_ratio, folds, rule, standardize",
        assertThrows(
                SettingsException.class, () -> Sidecar.parse("{\"tagret\": \"y\"}", name, OPTIONS))
            .getMessage());
    assertTrue(
        assertThrows(SettingsException.class, () -> Sidecar.parse("{\"target\": ", name, OPTIONS))
            .getMessage()
            .contains("not valid JSON"));
    assertTrue(
        assertThrows(SettingsException.class, () -> Sidecar.parse("[1]", name, OPTIONS))
            .getMessage()
            .contains("one JSON object"));
    assertTrue(
        assertThrows(
                SettingsException.class,
                () -> Sidecar.parse("{\"target\": {\"a\": 1}}", name, OPTIONS))
            .getMessage()
            .contains("'target' must be"));
    assertTrue(
        assertThrows(
                SettingsException.class,
                () -> Sidecar.parse("{\"folds\": 5, \"folds\": 3}", name, OPTIONS))
            .getMessage()
            .contains("given twice"));
    assertTrue(
        assertThrows(SettingsException.class, () -> Sidecar.parse("{} {}", name, OPTIONS))
            .getMessage()
            .contains("after the settings object"));
  }

  @Test
  void familyAndMeasureResolveFromSidecarMetadataOrEnvironment() {
    Map<String, String> sidecar =
        Sidecar.parse(
            "{\"family\": \"multinomial\"}", "in/x.csv.l1path.json", FitRequest.OPTION_NAMES);
    ResolvedSettings settings =
        ResolvedSettings.resolve(
            FitRequest.OPTION_NAMES,
            Map.of("family", "binomial", "measure", "auc"),
            Map.of("l1path-measure", "class"),
            sidecar);

    assertEquals("multinomial", settings.options().get("family"));
    assertEquals("class", settings.options().get("measure"));
    assertEquals(Origin.SIDECAR, settings.origins().get("family"));
    assertEquals(Origin.METADATA, settings.origins().get("measure"));
    FitRequest request = FitRequest.fromOptions(settings.options());
    assertEquals(Family.MULTINOMIAL, request.family());
    assertEquals(CvMeasure.CLASS, request.measure());
  }

  @Test
  void penaltyFactorsAndBoundsResolveFromSidecarMetadataOrEnvironment() {
    Map<String, String> sidecar =
        Sidecar.parse(
            "{\"penalty_factor\": [\"age=2\", \"sex=0.5\"], \"upper\": \"bmi=3\"}",
            "in/x.csv.l1path.json",
            FitRequest.OPTION_NAMES);
    ResolvedSettings settings =
        ResolvedSettings.resolve(
            FitRequest.OPTION_NAMES,
            Map.of("lower", "s3=-1"),
            Map.of("l1path-upper", "bp=1"),
            sidecar);

    FitRequest request = FitRequest.fromOptions(settings.options());
    assertEquals(Map.of("age", 2.0, "sex", 0.5), request.controls().penaltyFactors());
    assertEquals(Map.of("s3", -1.0), request.controls().lower());
    assertEquals(Map.of("bmi", 3.0), request.controls().upper(), "the sidecar wins");
    assertEquals(Origin.SIDECAR, settings.origins().get("penalty_factor"));
    assertEquals(Origin.ENVIRONMENT, settings.origins().get("lower"));
  }

  @Test
  void unpenalizedAndPositiveResolveFromASidecarListOrMetadata() {
    Map<String, String> sidecar =
        Sidecar.parse(
            "{\"unpenalized\": [\"age\", \"sex\"]}",
            "in/x.csv.l1path.json",
            FitRequest.OPTION_NAMES);
    ResolvedSettings settings =
        ResolvedSettings.resolve(
            FitRequest.OPTION_NAMES, Map.of(), Map.of("l1path-positive", "true"), sidecar);

    FitRequest request = FitRequest.fromOptions(settings.options());
    assertEquals(List.of("age", "sex"), request.unpenalized());
    assertTrue(request.positive());
    assertEquals(Origin.SIDECAR, settings.origins().get("unpenalized"));
    assertEquals(Origin.METADATA, settings.origins().get("positive"));
  }
}
