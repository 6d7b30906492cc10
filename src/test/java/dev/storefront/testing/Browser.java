package dev.storefront.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Debian's Chromium driven by Playwright, for tests of what a shopper sees. Playwright never
 * downloads a browser here: bin/test installs the chromium package.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    private static Browser shared;

    /** One Chromium for the whole suite, started on first use and closed when the JVM exits. */
    public static synchronized Browser shared() {
        if (shared == null) {
            shared = new Browser();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A fresh browser profile, like a new visitor; {@code javaScript} false checks the no-script path. */
    public BrowserContext newVisitor(boolean javaScript) {
        return chromium.newContext(new NewContextOptions().setJavaScriptEnabled(javaScript));
    }

    /**
     * A new visitor with JavaScript whose pages accept scripts the test adds (axe), which the store's
     * Content-Security-Policy would refuse; the page's own scripts run under the policy's rules as ever.
     */
    public BrowserContext newVisitorForAudits() {
        return chromium.newContext(new NewContextOptions().setJavaScriptEnabled(true).setBypassCSP(true)
                .setViewportSize(1280, 900));
    }

    /** axe-core, installed by bin/test from the npm registry into .data/tools (see docs/testing.md). */
    public static final Path AXE = Path.of(".data/tools/node_modules/axe-core/axe.min.js");

    /**
     * Runs axe on the page as it is (WCAG 2.1 A and AA rules and best practices) and returns each violation as
     * "rule: help (the first elements)"; empty when there is none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> axeViolations(com.microsoft.playwright.Page page) {
        page.addScriptTag(new com.microsoft.playwright.Page.AddScriptTagOptions().setPath(AXE));
        return (List<String>) page.evaluate("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v =>
                    v.id + ': ' + v.help + ' (' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ') + ')')""");
    }

    /** A new visitor on a phone: 390 × 844 CSS pixels at 3×, touch, a mobile browser's user agent. */
    public BrowserContext newPhoneVisitor() {
        return chromium.newContext(new NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(3)
                .setIsMobile(true).setHasTouch(true).setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8)"
                        + " AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
    }

    /** What the page logs as errors from now on (failed scripts, refused by the CSP, missing files). */
    public static List<String> consoleErrors(com.microsoft.playwright.Page page) {
        List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                errors.add(message.text());
            }
        });
        return errors;
    }

    /**
     * Chooses a product page's variant as a shopper does: with the separate pickers (swatches, size buttons)
     * when the page shows them, one click per choice; else the variant's own radio button.
     */
    public static void chooseVariant(com.microsoft.playwright.Page page, String sku) {
        com.microsoft.playwright.Locator radio = page.locator(".variant-picker input[name=sku][value='" + sku + "']");
        if (!page.locator("#option-pickers").isVisible()) {
            radio.check();
            return;
        }
        String[] choice = radio.getAttribute("data-choice").split(" ");
        com.microsoft.playwright.Locator groups = page.locator("#option-pickers .option-group");
        for (int g = 0; g < choice.length; g++) {
            groups.nth(g).locator("label.option").nth(Integer.parseInt(choice[g])).click();
        }
    }

    private void close() {
        chromium.close();
        playwright.close();
    }
}
