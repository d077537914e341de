package org.lrms.textbook;

import io.quarkus.test.junit.QuarkusTest;
import org.lrms.testkit.ServiceFoundationContract;

@QuarkusTest
class TextbookFoundationTest extends ServiceFoundationContract {
}
