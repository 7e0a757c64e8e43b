package org.l1path.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SAM templates against what the function needs: the runtime, handlers that exist in the shaded
 * jar with the right event types, recursion stopped, partial batch failures, a dead-letter queue,
 * policies without wildcard actions, and S3 notifications for every input suffix.
 */
class TemplateIT {
  private static final Path JAR = Path.of(System.getProperty("l1path.jar"));

  /** The keys the function takes: CSV and svmlight, each plain or gzip. */
  private static final String[] INPUT_SUFFIXES = {
    ".csv", ".csv.gz", ".svm", ".svm.gz", ".svmlight", ".svmlight.gz", ".libsvm", ".libsvm.gz"
  };

  @Test
  void theSqsTemplateDeploysTheSqsHandlerWithBatchFailuresAndADeadLetterQueue() throws Exception {
    Map<String, Object> template = CloudFormationYaml.read(Path.of("template.yaml"));
    Map<String, Object> function = properties(template, "FitFunction");

    assertEquals("AWS::Serverless-2016-10-31", template.get("Transform"));
    assertFunctionBasics(function, "com.amazonaws.services.lambda.runtime.events.SQSEvent");
    Map<String, Object> source = map(map(map(function, "Events"), "Uploads"), "Properties");
    assertEquals(List.of("ReportBatchItemFailures"), source.get("FunctionResponseTypes"));
    assertEquals(Map.of("Fn::GetAtt", List.of("EventQueue", "Arn")), source.get("Queue"));

    Map<String, Object> queue = properties(template, "EventQueue");
    int timeout = (Integer) function.get("Timeout");
    assertTrue(
        (Integer) queue.get("VisibilityTimeout") >= 6 * timeout,
        "visibility timeout " + queue.get("VisibilityTimeout") + " < 6 x " + timeout);
    Map<String, Object> redrive = map(queue, "RedrivePolicy");
    assertEquals(
        Map.of("Fn::GetAtt", List.of("DeadLetterQueue", "Arn")),
        redrive.get("deadLetterTargetArn"));
    assertTrue((Integer) redrive.get("maxReceiveCount") > 1);
    assertEquals("AWS::SQS::Queue", map(map(template, "Resources"), "DeadLetterQueue").get("Type"));

    List<Object> notifications =
        list(
            map(properties(template, "DataBucket"), "NotificationConfiguration"),
            "QueueConfigurations");
    assertNotificationsMatchTheSuffixes(function, filters(notifications));
  }

  @Test
  void bothTemplatesKeepLogsForAWhileAndRaiseAnAlarmOnTheDeadLetterQueue() throws Exception {
    for (String name : List.of("template.yaml", "template-direct.yaml")) {
      Map<String, Object> template = CloudFormationYaml.read(Path.of(name));
      Map<String, Object> retention = map(map(template, "Parameters"), "LogRetentionDays");
      assertEquals(30, retention.get("Default"), name);
      Map<String, Object> logs = properties(template, "FitFunctionLogGroup");
      assertEquals(Map.of("Fn::Sub", "/aws/lambda/${FitFunction}"), logs.get("LogGroupName"), name);
      assertEquals(Map.of("Ref", "LogRetentionDays"), logs.get("RetentionInDays"), name);

      Map<String, Object> alarm = properties(template, "DeadLetterAlarm");
      assertEquals("ApproximateNumberOfMessagesVisible", alarm.get("MetricName"), name);
      assertEquals(
          List.of(
              Map.of(
                  "Name",
                  "QueueName",
                  "Value",
                  Map.of("Fn::GetAtt", List.of("DeadLetterQueue", "QueueName")))),
          alarm.get("Dimensions"),
          name);
      assertEquals(0, alarm.get("Threshold"), name);
      assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"), name);
      assertEquals(
          Map.of(
              "Fn::If",
              List.of(
                  "HasAlarmTopic",
                  List.of(Map.of("Ref", "AlarmTopicArn")),
                  Map.of("Ref", "AWS::NoValue"))),
          alarm.get("AlarmActions"),
          name);
    }
  }

  @Test
  void theDirectTemplateDeploysTheS3HandlerWithFailedEventsToADeadLetterQueue() throws Exception {
    Map<String, Object> template = CloudFormationYaml.read(Path.of("template-direct.yaml"));
    Map<String, Object> function = properties(template, "FitFunction");

    assertFunctionBasics(function, "com.amazonaws.services.lambda.runtime.events.S3Event");
    Map<String, Object> onFailure =
        map(map(map(function, "EventInvokeConfig"), "DestinationConfig"), "OnFailure");
    assertEquals(
        Map.of("Fn::GetAtt", List.of("DeadLetterQueue", "Arn")), onFailure.get("Destination"));
    List<Object> notifications = new ArrayList<>();
    for (Object event : map(function, "Events").values()) {
      assertEquals("S3", cast(event).get("Type"));
      notifications.add(map(cast(event), "Properties"));
    }
    assertNotificationsMatchTheSuffixes(function, filters(notifications));
  }

  @Test
  void theJarCarriesOneHttpClientAndNoRuntimeInterfaceClient() throws Exception {
    try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(JAR.toFile())) {
      List<String> names = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
      assertTrue(
          names.stream()
              .noneMatch(
                  n ->
                      n.startsWith("software/amazon/awssdk/http/nio/")
                          || n.startsWith("software/amazon/awssdk/http/apache")
                          || n.startsWith("io/netty/")
                          || n.startsWith("org/apache/http")),
          "an unused SDK HTTP client is in the jar");
      assertTrue(
          names.stream()
              .noneMatch(n -> n.startsWith("com/amazonaws/services/lambda/runtime/api/client/")),
          "the runtime interface client belongs to the runtime, not the jar");
      String services =
          new String(
              jar.getInputStream(
                      jar.getEntry("META-INF/services/software.amazon.awssdk.http.SdkHttpService"))
                  .readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      List<String> providers =
          services.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
      assertEquals(
          List.of("software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService"),
          providers);
    }
  }

  private static void assertFunctionBasics(Map<String, Object> function, String eventType)
      throws Exception {
    assertEquals("java21", function.get("Runtime"));
    assertEquals("target/l1path.jar", function.get("CodeUri"));
    assertEquals("Terminate", function.get("RecursiveLoop"));
    assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.get("SnapStart"));
    assertEquals("live", function.get("AutoPublishAlias"));
    String handler = (String) function.get("Handler");
    assertTrue(handler.endsWith("::handleRequest"), handler);
    assertHandlerInJar(handler.substring(0, handler.indexOf("::")), eventType);
    List<Object> actions = new ArrayList<>();
    List<Object> resources = new ArrayList<>();
    for (Object policy : list(function, "Policies")) {
      for (Object statement : list(cast(policy), "Statement")) {
        actions.addAll(asList(cast(statement).get("Action")));
        resources.addAll(asList(cast(statement).get("Resource")));
      }
    }
    assertFalse(actions.isEmpty());
    for (Object action : actions) {
      assertFalse(action.toString().contains("*"), "wildcard action " + action);
    }
    for (Object resource : resources) {
      assertFalse("*".equals(resource), "wildcard resource");
    }
    Map<String, Object> env = map(map(function, "Environment"), "Variables");
    assertEquals(Map.of("Ref", "InputPrefix"), env.get(FunctionConfig.INPUT_PREFIX));
    assertEquals(Map.of("Ref", "OutputPrefix"), env.get(FunctionConfig.OUTPUT_PREFIX));
    assertEquals(Map.of("Ref", "PredictPrefix"), env.get(FunctionConfig.PREDICT_PREFIX));
  }

  /**
   * Loads the class from the shaded jar alone (no test classpath behind it) and checks it is a
   * {@code RequestHandler} of the event type the route delivers.
   */
  private static void assertHandlerInJar(String className, String eventType) throws Exception {
    try (URLClassLoader jar =
        new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      Class<?> handler = Class.forName(className, false, jar);
      assertEquals(jar, handler.getClassLoader(), "loaded from the jar");
      Class<?> requestHandler =
          Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler", false, jar);
      boolean found = false;
      for (Type type : handler.getGenericInterfaces()) {
        if (type instanceof ParameterizedType p && p.getRawType() == requestHandler) {
          assertEquals(eventType, p.getActualTypeArguments()[0].getTypeName());
          found = true;
        }
      }
      assertTrue(found, className + " is not a RequestHandler");
      // Lambda builds the handler with its public no-argument constructor.
      assertTrue(java.lang.reflect.Modifier.isPublic(handler.getConstructor().getModifiers()));
    }
  }

  /**
   * The notifications cover every input suffix under both prefixes, one per prefix and suffix, and
   * the function's {@code L1PATH_INPUT_SUFFIXES} names the same suffixes as its default: S3 then
   * announces exactly the keys the function fits or predicts. No two suffixes overlap (one ending
   * with the other), since S3 refuses overlapping configurations for the same prefix.
   */
  private static void assertNotificationsMatchTheSuffixes(
      Map<String, Object> function, List<String> filters) {
    List<String> suffixes = List.of(INPUT_SUFFIXES);
    List<String> expected = new ArrayList<>();
    for (String prefix : List.of("InputPrefix", "PredictPrefix")) {
      for (String suffix : suffixes) {
        expected.add(prefix + " *" + suffix);
      }
    }
    expected.sort(null);
    assertEquals(expected, filters);
    Map<String, Object> env = map(map(function, "Environment"), "Variables");
    assertEquals(String.join(",", suffixes), env.get(FunctionConfig.INPUT_SUFFIXES));
    assertEquals(FunctionConfig.DEFAULT_SUFFIXES, env.get(FunctionConfig.INPUT_SUFFIXES));
    for (String a : suffixes) {
      for (String b : suffixes) {
        assertTrue(a.equals(b) || !a.endsWith(b), a + " overlaps " + b);
      }
    }
  }

  /** Each notification's filter as "<prefix parameter> *<suffix>", sorted. */
  private static List<String> filters(List<Object> notifications) {
    List<String> filters = new ArrayList<>();
    for (Object n : notifications) {
      String prefix = "";
      String suffix = "";
      for (Object rule : list(map(map(cast(n), "Filter"), "S3Key"), "Rules")) {
        Object value = cast(rule).get("Value");
        if ("prefix".equals(cast(rule).get("Name"))) {
          prefix = (String) cast(value).get("Ref");
        } else if ("suffix".equals(cast(rule).get("Name"))) {
          suffix = (String) value;
        }
      }
      filters.add(prefix + " *" + suffix);
    }
    filters.sort(null);
    return filters;
  }

  private static Map<String, Object> properties(Map<String, Object> template, String resource) {
    return map(map(map(template, "Resources"), resource), "Properties");
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertTrue(value instanceof Map, key + " is missing or not a mapping");
    return cast(value);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertTrue(value instanceof List, key + " is missing or not a list");
    return (List<Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object value) {
    return value instanceof List ? (List<Object>) value : List.of(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object value) {
    return (Map<String, Object>) value;
  }
}
