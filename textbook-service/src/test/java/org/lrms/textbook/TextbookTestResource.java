package org.lrms.textbook;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.lrms.testkit.PostgresAndKafka;

/** Real PostgreSQL and Kafka for every test of this module. */
@QuarkusTestResource(value = PostgresAndKafka.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "textbook"))
public class TextbookTestResource {
}
