package org.lrms.catalog;

import io.quarkus.test.junit.QuarkusTest;
import org.lrms.testkit.ServiceFoundationContract;

@QuarkusTest
class CatalogFoundationTest extends ServiceFoundationContract {
}
