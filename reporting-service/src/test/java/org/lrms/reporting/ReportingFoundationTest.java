package org.lrms.reporting;

import io.quarkus.test.junit.QuarkusTest;
import org.lrms.testkit.ServiceFoundationContract;

@QuarkusTest
class ReportingFoundationTest extends ServiceFoundationContract {
}
