package dev.poolwatch.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The test cases of a project's {@code target/surefire-reports/TEST-*.xml}, as Surefire wrote them. */
final class SurefireReports {

    /**
     * One test case.
     *
     * @param className its class
     * @param name its method, or empty for what failed in the class itself ({@code @BeforeAll}, {@code @AfterAll}, ...)
     * @param failure the message of its failure or error, or {@code null} if it passed or was skipped
     * @param skipped whether it was skipped (disabled, or an assumption failed)
     */
    record TestCase(String className, String name, String failure, boolean skipped) {

        String id() {
            return className + "#" + name;
        }
    }

    private SurefireReports() {
    }

    static List<TestCase> read(Path project) throws IOException {
        List<TestCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(project.resolve("target/surefire-reports"))) {
            for (Path file : files.filter(SurefireReports::isXmlReport).sorted().toList()) {
                NodeList testCases = parse(file).getElementsByTagName("testcase");
                for (int i = 0; i < testCases.getLength(); i++) {
                    Element testCase = (Element) testCases.item(i);
                    cases.add(new TestCase(testCase.getAttribute("classname"), testCase.getAttribute("name"),
                            failureOf(testCase), testCase.getElementsByTagName("skipped").getLength() > 0));
                }
            }
        }
        return cases;
    }

    private static boolean isXmlReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    private static String failureOf(Element testCase) {
        for (String tag : List.of("failure", "error")) {
            NodeList found = testCase.getElementsByTagName(tag);
            if (found.getLength() > 0) {
                return ((Element) found.item(0)).getAttribute("message");
            }
        }
        return null;
    }

    private static Element parse(Path file) throws IOException {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read Surefire's report " + file, e);
        }
    }
}
