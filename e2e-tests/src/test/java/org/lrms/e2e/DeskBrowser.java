package org.lrms.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The portal in the machine's own headless Chromium, through its chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}; nothing is downloaded), as a technician at the desk uses it: sign in at Keycloak, scan.
 */
final class DeskBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final WebDriverWait wait;

    private DeskBrowser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Chromium and its driver, when this machine has both. */
    static Optional<Path[]> installed() {
        Optional<Path> browser = onPath("chromium", "chromium-browser", "google-chrome");
        Optional<Path> chromedriver = onPath("chromedriver");
        return browser.isPresent() && chromedriver.isPresent()
                ? Optional.of(new Path[] {browser.get(), chromedriver.get()}) : Optional.empty();
    }

    static DeskBrowser open(Path[] installed) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installed[0].toFile());
        // root in CI has no sandbox; /dev/shm may be small in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installed[1].toFile()).usingAnyFreePort().build();
        return new DeskBrowser(new ChromeDriver(service, options));
    }

    /** Opens the portal and signs in through Keycloak's login page; back on the portal, the user's name shows. */
    void signIn(String portal, String user, String password) {
        driver.get(portal + "/");
        click(By.id("sign-in"));
        type(By.id("username"), user);
        type(By.id("password"), password);
        click(By.id("kc-login"));
        wait.until(ExpectedConditions.textToBe(By.id("who"), user));
    }

    void type(By field, String text) {
        WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(field));
        element.clear();
        element.sendKeys(text);
    }

    /** Types into a field and presses Enter, as a barcode scanner does. */
    void scan(String fieldId, String barcode) {
        type(By.id(fieldId), barcode);
        driver.findElement(By.id(fieldId)).sendKeys(Keys.ENTER);
    }

    void click(By button) {
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    /** The text of {@code id} once it contains {@code expected}. */
    String awaitText(String id, String expected) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expected));
        return driver.findElement(By.id(id)).getText();
    }

    /** Waits until the page holds an element {@code locator} finds, shown or not. */
    void awaitPresent(By locator) {
        wait.until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    /** Chooses {@code file} in the file field {@code id}, as a technician picking it in the file dialog. */
    void attach(String id, Path file) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).sendKeys(file.toAbsolutePath().toString());
    }

    /** The width in pixels of the picture {@code id} once it is shown and its bytes are decoded. */
    long shownPictureWidth(String id) {
        return wait.until(d -> {
            WebElement picture = d.findElement(By.id(id));
            Object width = ((JavascriptExecutor) d).executeScript(
                    "const p = arguments[0]; return p.complete ? p.naturalWidth : 0;", picture);
            return picture.isDisplayed() && width instanceof Number n && n.longValue() > 0 ? n.longValue() : null;
        });
    }

    /** Answers a {@code confirm()} the page shows with OK. */
    void acceptConfirm() {
        wait.until(ExpectedConditions.alertIsPresent()).accept();
    }

    /** Picks an option of a select by its value, once the page has filled it. */
    void choose(String selectId, String value) {
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#" + selectId + " option[value='" + value + "']")));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id(selectId))).selectByValue(value);
    }

    boolean visible(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    /** The page as it looks now, as PNG in {@code file}: kept with the stack's logs to see what the desk showed. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<Path> onPath(String... names) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(names)
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
