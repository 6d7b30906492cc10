package dev.storefront.search;

import org.hibernate.search.mapper.orm.mapping.HibernateOrmMappingConfigurationContext;
import org.hibernate.search.mapper.orm.mapping.HibernateOrmSearchMappingConfigurer;
import org.hibernate.search.mapper.pojo.mapping.definition.programmatic.TypeMappingStep;
import org.hibernate.search.mapper.pojo.model.path.PojoModelPath;

import dev.storefront.catalog.Product;
import dev.storefront.catalog.Variant;

/**
 * Declares the search index: one document per product, written by {@link ProductDocument}. Kept out of the
 * entity so that the catalog model does not carry search concerns.
 */
public class ProductIndexMapping implements HibernateOrmSearchMappingConfigurer {

    public static final String INDEX = "products";

    /**
     * Raise when the documents change shape (a field added, an analyzer changed): an index written by an
     * older mapping is rebuilt at start (2: product attributes made searchable).
     */
    public static final int VERSION = 2;

    @Override
    public void configure(HibernateOrmMappingConfigurationContext context) {
        TypeMappingStep product = context.programmaticMapping().type(Product.class);
        product.indexed().index(INDEX);
        product.binder(new ProductDocument());
        // Hibernate Search does not infer the inverse of a one-to-one shared primary key; it needs it to
        // re-index a product when a stock level changes
        context.programmaticMapping().type(Variant.class).property("stock")
                .associationInverseSide(PojoModelPath.parse("variant"));
    }
}
