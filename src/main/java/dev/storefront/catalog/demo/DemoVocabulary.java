package dev.storefront.catalog.demo;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The words the demo catalog is made of: departments, their subcategories, brands and phrases. */
final class DemoVocabulary {

    private DemoVocabulary() {
    }

    record Department(String name, String description, List<String> brands, List<Leaf> leaves) {
    }

    /**
     * A subcategory that holds products. Prices are in whole currency units; each step up in size
     * adds {@code sizeStepPercent} to the price.
     */
    record Leaf(String name, String code, String description, List<String> nouns, List<String> materials,
            List<String> sizes, List<String> colours, int minPrice, int maxPrice, int sizeStepPercent,
            List<String> uses, List<String> features) {
    }

    private static final List<String> APPAREL_COLOURS = List.of("Black", "White", "Navy", "Heather Grey",
            "Olive", "Burgundy", "Sand", "Forest Green", "Sky Blue", "Charcoal", "Red", "Cream");
    private static final List<String> APPAREL_SIZES = List.of("XS", "S", "M", "L", "XL", "XXL");
    private static final List<String> SHOE_SIZES = List.of("38", "39", "40", "41", "42", "43", "44", "45", "46");
    private static final List<String> GEAR_COLOURS = List.of("Black", "Graphite", "Orange", "Lime", "Blue", "Red");
    private static final List<String> HOME_COLOURS = List.of("Stone", "Sage", "Terracotta", "Ivory", "Slate",
            "Mustard", "Blush", "Midnight");
    private static final List<String> NONE = List.of();

    static final List<Department> DEPARTMENTS = List.of(
            new Department("Clothing", "Everyday wear and wardrobe staples for every season.",
                    List.of("Northwind", "Fieldhouse", "Marlow & Finch", "Kinfolk Supply", "Bluebird Mills",
                            "Odessa"),
                    List.of(
                            new Leaf("Shirts & Tops", "TOP", "Shirts, tees and tops from oxford to linen.",
                                    List.of("Oxford Shirt", "Flannel Shirt", "Linen Shirt", "Polo Shirt", "Henley",
                                            "T-Shirt", "Tank Top"),
                                    List.of("Cotton", "Organic Cotton", "Linen", "Flannel", "Pique", "Jersey"),
                                    APPAREL_SIZES, APPAREL_COLOURS, 18, 89, 0,
                                    List.of("the office", "weekends", "warm evenings", "travel"),
                                    List.of("a relaxed fit", "reinforced seams", "a curved hem",
                                            "mother-of-pearl buttons", "a soft brushed finish")),
                            new Leaf("Dresses", "DRS", "Wrap, midi and summer dresses.",
                                    List.of("Wrap Dress", "Midi Dress", "Shirt Dress", "Sundress", "Slip Dress",
                                            "Maxi Dress"),
                                    List.of("Viscose", "Linen", "Silk", "Cotton Poplin", "Crepe"),
                                    APPAREL_SIZES, APPAREL_COLOURS, 39, 189, 0,
                                    List.of("summer weddings", "the office", "long lunches", "holidays"),
                                    List.of("hidden pockets", "an adjustable waist tie", "a fully lined skirt",
                                            "a flattering V-neck", "a floaty silhouette")),
                            new Leaf("Jackets & Coats", "JKT", "Rain jackets, puffers and wool coats.",
                                    List.of("Rain Jacket", "Puffer Jacket", "Wool Coat", "Denim Jacket",
                                            "Fleece Jacket", "Parka", "Trench Coat"),
                                    List.of("Recycled Nylon", "Wool", "Denim", "Waxed Cotton", "Down", "Fleece"),
                                    APPAREL_SIZES, APPAREL_COLOURS, 59, 349, 0,
                                    List.of("rainy commutes", "winter walks", "city weekends", "mountain trips"),
                                    List.of("a waterproof membrane", "taped seams", "a packable hood",
                                            "two-way zips", "a storm flap", "insulated pockets")),
                            new Leaf("Knitwear", "KNT", "Sweaters, cardigans and hoodies.",
                                    List.of("Crewneck Sweater", "Cardigan", "Turtleneck", "Hoodie", "Quarter-Zip",
                                            "Cable Knit Sweater"),
                                    List.of("Merino", "Cashmere", "Lambswool", "Cotton", "Alpaca"),
                                    APPAREL_SIZES, APPAREL_COLOURS, 35, 229, 0,
                                    List.of("chilly mornings", "layering", "cosy evenings", "autumn hikes"),
                                    List.of("ribbed cuffs", "a fine-gauge knit", "a brushed interior",
                                            "elbow patches", "a relaxed drop shoulder")),
                            new Leaf("Trousers & Jeans", "TRS", "Chinos, jeans, joggers and cords.",
                                    List.of("Chinos", "Slim Jeans", "Straight Jeans", "Cargo Pants", "Joggers",
                                            "Corduroy Trousers"),
                                    List.of("Stretch Cotton", "Selvedge Denim", "Corduroy", "Twill", "Ripstop"),
                                    List.of("28", "30", "32", "34", "36", "38"), APPAREL_COLOURS, 29, 159, 0,
                                    List.of("everyday wear", "the workshop", "smart casual days", "travel"),
                                    List.of("a tapered leg", "a gusseted crotch", "deep pockets",
                                            "a button fly", "a comfortable mid rise")))),
            new Department("Footwear", "Shoes and boots for running, hiking and the city.",
                    List.of("Stridewell", "Trailmark", "Cobble & Co", "Fleetfoot", "Basalt"),
                    List.of(
                            new Leaf("Running Shoes", "RUN", "Road, trail and racing shoes.",
                                    List.of("Road Running Shoe", "Trail Running Shoe", "Racing Flat",
                                            "Cushioned Trainer"),
                                    List.of("Engineered Mesh", "Knit", "Recycled Mesh"),
                                    SHOE_SIZES, GEAR_COLOURS, 69, 219, 0,
                                    List.of("daily miles", "race day", "muddy trails", "long runs"),
                                    List.of("a responsive foam midsole", "a grippy rubber outsole",
                                            "a 6 mm drop", "a breathable upper", "reflective details")),
                            new Leaf("Boots", "BOT", "Hiking, Chelsea and winter boots.",
                                    List.of("Hiking Boot", "Chelsea Boot", "Work Boot", "Snow Boot", "Desert Boot"),
                                    List.of("Leather", "Suede", "Nubuck", "Waterproof Leather"),
                                    SHOE_SIZES, List.of("Brown", "Black", "Tan", "Oxblood"), 89, 289, 0,
                                    List.of("wet winters", "long hikes", "city streets", "the job site"),
                                    List.of("a Goodyear welt", "a waterproof lining", "a steel shank",
                                            "a cushioned footbed", "a lug sole")),
                            new Leaf("Sneakers", "SNK", "Canvas, leather and high-top sneakers.",
                                    List.of("Canvas Sneaker", "Leather Sneaker", "High-Top Sneaker", "Slip-On"),
                                    List.of("Canvas", "Leather", "Suede", "Recycled Canvas"),
                                    SHOE_SIZES, APPAREL_COLOURS, 45, 159, 0,
                                    List.of("everyday wear", "summer days", "weekends", "travel"),
                                    List.of("a vulcanised sole", "a padded collar", "organic cotton laces",
                                            "a removable insole")))),
            new Department("Home & Kitchen", "Cookware, coffee gear, bedding and lighting.",
                    List.of("Hearth & Home", "Copperline", "Lindqvist", "Maison Vert", "Oakridge"),
                    List.of(
                            new Leaf("Cookware", "CKW", "Pans, pots and Dutch ovens.",
                                    List.of("Skillet", "Saucepan", "Dutch Oven", "Wok", "Stockpot", "Sauté Pan"),
                                    List.of("Cast Iron", "Stainless Steel", "Carbon Steel", "Enamelled Cast Iron",
                                            "Copper"),
                                    List.of("20 cm", "24 cm", "28 cm"), NONE, 25, 249, 20,
                                    List.of("weeknight dinners", "slow braises", "searing steaks", "family meals"),
                                    List.of("an induction-ready base", "a stay-cool handle", "even heat",
                                            "an oven-safe body up to 260 °C", "a tight-fitting lid")),
                            new Leaf("Coffee & Tea", "COF", "Kettles, grinders, presses and café cups.",
                                    List.of("Pour-Over Kettle", "French Press", "Espresso Cup Set", "Coffee Grinder",
                                            "Teapot", "Café Mug", "Cold Brew Maker"),
                                    List.of("Stainless Steel", "Borosilicate Glass", "Stoneware", "Porcelain",
                                            "Ceramic"),
                                    NONE, HOME_COLOURS, 12, 189, 0,
                                    List.of("slow mornings", "the perfect espresso", "afternoon tea",
                                            "café-style coffee at home"),
                                    List.of("a gooseneck spout", "a conical burr", "a double wall",
                                            "a dishwasher-safe body", "a built-in thermometer")),
                            new Leaf("Bedding", "BED", "Duvet covers, sheets and throws.",
                                    List.of("Duvet Cover", "Sheet Set", "Pillowcase Pair", "Throw Blanket", "Quilt"),
                                    List.of("Percale", "Sateen", "Washed Linen", "Brushed Cotton", "Bamboo"),
                                    List.of("Single", "Double", "Queen", "King"), HOME_COLOURS, 29, 229, 15,
                                    List.of("restful nights", "warm summers", "guest rooms", "lazy Sundays"),
                                    List.of("a 300 thread count", "envelope closures", "deep pockets",
                                            "stone-washed softness", "OEKO-TEX certified dyes")),
                            new Leaf("Lighting", "LGT", "Desk, floor and pendant lamps.",
                                    List.of("Desk Lamp", "Floor Lamp", "Pendant Light", "String Lights",
                                            "Table Lamp"),
                                    List.of("Brass", "Oak", "Rattan", "Powder-Coated Steel", "Opal Glass"),
                                    NONE, List.of("Black", "White", "Brass", "Natural"), 19, 299, 0,
                                    List.of("reading corners", "home offices", "dining tables", "bedside tables"),
                                    List.of("a dimmable LED", "a warm 2700 K glow", "an adjustable arm",
                                            "a braided fabric cable")))),
            new Department("Electronics", "Headphones, chargers and smart home devices.",
                    List.of("Voltaic", "Soundry", "Pixelhaus", "Ampere Labs", "Nimbus"),
                    List.of(
                            new Leaf("Headphones", "HDP", "Wireless headphones and earbuds.",
                                    List.of("Wireless Headphones", "Earbuds", "Studio Headphones",
                                            "Sport Earphones"),
                                    List.of("Aluminium", "Recycled Plastic", "Memory Foam"),
                                    NONE, List.of("Black", "Silver", "Midnight Blue", "Sand"), 29, 399, 0,
                                    List.of("commutes", "focused work", "the gym", "long flights"),
                                    List.of("active noise cancelling", "30 hours of battery",
                                            "multipoint Bluetooth", "a USB-C fast charge", "sweat resistance")),
                            new Leaf("Phone Accessories", "PHA", "Cases, cables, chargers and power banks.",
                                    List.of("Phone Case", "Charging Cable", "Wireless Charger", "Power Bank",
                                            "Car Mount"),
                                    List.of("Silicone", "Braided Nylon", "Aluminium", "Vegan Leather"),
                                    NONE, List.of("Black", "White", "Clay", "Sage", "Blue"), 9, 89, 0,
                                    List.of("everyday carry", "road trips", "the nightstand", "travel"),
                                    List.of("a magnetic mount", "a raised lip", "a 2 m length",
                                            "15 W fast charging", "a 10,000 mAh cell")),
                            new Leaf("Smart Home", "SMH", "Plugs, bulbs, doorbells and thermostats.",
                                    List.of("Smart Plug", "Smart Bulb", "Video Doorbell", "Thermostat",
                                            "Motion Sensor"),
                                    List.of("Polycarbonate", "Aluminium", "Glass"),
                                    NONE, NONE, 15, 249, 0,
                                    List.of("energy savings", "peace of mind", "lazy evenings", "holiday homes"),
                                    List.of("voice assistant support", "local control", "energy monitoring",
                                            "a two-year warranty")))),
            new Department("Sports & Outdoors", "Gear for camping, cycling and training.",
                    List.of("Summit Works", "Ridgeline", "Velo Nord", "Kestrel", "Basecamp"),
                    List.of(
                            new Leaf("Camping", "CMP", "Tents, sleeping bags and camp kitchens.",
                                    List.of("Tent", "Sleeping Bag", "Camp Stove", "Headlamp", "Trekking Poles",
                                            "Sleeping Pad"),
                                    List.of("Ripstop Nylon", "Aluminium", "Titanium", "Down", "Polyester"),
                                    NONE, GEAR_COLOURS, 19, 499, 0,
                                    List.of("backpacking trips", "festival weekends", "alpine nights",
                                            "family camping"),
                                    List.of("a weight of under a kilo", "a three-season rating",
                                            "a compression sack", "a quick-pitch frame")),
                            new Leaf("Cycling", "CYC", "Helmets, jerseys, lights and bottles.",
                                    List.of("Bike Helmet", "Cycling Jersey", "Bike Light", "Bottle Cage",
                                            "Saddle Bag"),
                                    List.of("Polycarbonate", "Carbon", "Merino", "Aluminium"),
                                    List.of("S", "M", "L"), GEAR_COLOURS, 15, 249, 0,
                                    List.of("gravel rides", "daily commutes", "group rides", "winter training"),
                                    List.of("MIPS protection", "a 600-lumen beam", "a full-length zip",
                                            "USB-C charging")),
                            new Leaf("Yoga & Fitness", "FIT", "Mats, rollers, bands and weights.",
                                    List.of("Yoga Mat", "Foam Roller", "Resistance Bands", "Kettlebell",
                                            "Dumbbell Pair", "Jump Rope"),
                                    List.of("Natural Rubber", "Cork", "Cast Iron", "TPE", "Neoprene"),
                                    NONE, List.of("Black", "Sage", "Lilac", "Ocean"), 12, 149, 0,
                                    List.of("home workouts", "morning flows", "recovery days", "the gym"),
                                    List.of("a non-slip surface", "alignment lines", "a carry strap",
                                            "colour-coded weights")))),
            new Department("Beauty & Care", "Skincare and hair care.",
                    List.of("Lumiere", "Apothecary No. 9", "Verdant", "Saltwater"),
                    List.of(
                            new Leaf("Skincare", "SKN", "Cleansers, serums, creams and sunscreen.",
                                    List.of("Face Cream", "Gentle Cleanser", "Vitamin C Serum", "Sunscreen SPF 50",
                                            "Lip Balm", "Night Cream"),
                                    List.of("Aloe", "Hyaluronic", "Shea Butter", "Rosehip", "Niacinamide"),
                                    List.of("30 ml", "50 ml", "100 ml"), NONE, 8, 79, 40,
                                    List.of("sensitive skin", "dry winters", "sunny days", "a nightly routine"),
                                    List.of("a fragrance-free formula", "vegan ingredients",
                                            "dermatologist testing", "recyclable packaging")),
                            new Leaf("Hair Care", "HAR", "Shampoo, conditioner and styling.",
                                    List.of("Shampoo", "Conditioner", "Hair Oil", "Styling Clay", "Hair Mask"),
                                    List.of("Argan", "Coconut", "Rosemary", "Tea Tree"),
                                    List.of("100 ml", "250 ml", "500 ml"), NONE, 7, 49, 40,
                                    List.of("curly hair", "fine hair", "daily washing", "a salon finish"),
                                    List.of("sulphate-free cleansing", "a light scent", "a pump bottle",
                                            "a refillable tin")))),
            new Department("Toys & Games", "Board games and building toys.",
                    List.of("Playwell", "Meeple & Co", "Tinker Town"),
                    List.of(
                            new Leaf("Board Games", "BRD", "Strategy, family and card games.",
                                    List.of("Strategy Game", "Family Game", "Card Game", "Jigsaw Puzzle",
                                            "Cooperative Game"),
                                    List.of("Cardboard", "Wooden", "Recycled Board"),
                                    NONE, NONE, 12, 79, 0,
                                    List.of("game nights", "rainy afternoons", "family gatherings", "two players"),
                                    List.of("illustrated cards", "wooden pieces", "a 45-minute play time",
                                            "rules for two to six players")),
                            new Leaf("Building Toys", "BLD", "Blocks, marble runs and train sets.",
                                    List.of("Building Blocks Set", "Marble Run", "Wooden Train Set",
                                            "Magnetic Tiles"),
                                    List.of("Beech Wood", "Bioplastic", "Maple"),
                                    NONE, NONE, 19, 149, 0,
                                    List.of("young builders", "creative play", "birthdays", "classrooms"),
                                    List.of("non-toxic paint", "a storage box", "compatible pieces",
                                            "an idea booklet")))),
            new Department("Garden", "Tools and planters for gardens and balconies.",
                    List.of("Greenhand", "Potting Shed", "Thornbury"),
                    List.of(
                            new Leaf("Garden Tools", "GDN", "Shears, trowels, hoses and cans.",
                                    List.of("Pruning Shears", "Trowel", "Garden Hose", "Watering Can", "Rake",
                                            "Hand Fork"),
                                    List.of("Carbon Steel", "Stainless Steel", "Ash Wood", "Galvanised Steel"),
                                    NONE, NONE, 9, 89, 0,
                                    List.of("spring planting", "balcony gardens", "allotments", "autumn tidying"),
                                    List.of("an ergonomic grip", "a lifetime guarantee", "a rust-proof finish",
                                            "a hanging loop")),
                            new Leaf("Planters", "PLT", "Pots, hanging planters and raised beds.",
                                    List.of("Terracotta Pot", "Hanging Planter", "Raised Bed", "Window Box",
                                            "Self-Watering Pot"),
                                    List.of("Terracotta", "Concrete", "Cedar", "Glazed Ceramic"),
                                    List.of("Small", "Medium", "Large"), NONE, 12, 199, 35,
                                    List.of("herbs", "houseplants", "balcony tomatoes", "sunny windowsills"),
                                    List.of("a drainage hole", "a frost-proof glaze", "a matching saucer",
                                            "a water reservoir")))));

    static final List<Leaf> LEAVES = DEPARTMENTS.stream().flatMap(d -> d.leaves().stream()).toList();

    static final List<String> COLLECTIONS = List.of("Alpine", "Coastal", "Everyday", "Heritage", "Urban",
            "Nordic", "Summit", "Classic", "Essential", "Voyager", "Harbor", "Meadow", "Canyon", "Aurora",
            "Drift", "Ember", "Timber", "Pacific", "Atlas", "Horizon", "Solstice", "Granite", "Willow", "Cedar",
            "Sierra", "Tundra", "Breeze", "Ridge", "Lumen", "Terra", "Cascade", "Orchard", "Pioneer", "Juniper",
            "Mosaic", "Zephyr", "Nova", "Prairie", "Sable", "Fjord", "Crème", "Kōbō");

    static final List<String> ORIGINS = List.of("Portugal", "Italy", "Japan", "Vietnam", "Germany", "Mexico",
            "India", "Sweden", "United States", "Peru", "Turkey", "Canada");

    static final List<String> OPENINGS = List.of(
            "The %s from %2$s is made for %3$s.",
            "Meet the %s: %2$s's answer to %3$s.",
            "Designed by %2$s, the %1$s is ready for %3$s.",
            "%2$s built the %1$s for %3$s and everything in between.");

    static final List<String> MATERIAL_LINES = List.of(
            "It is made from %s that feels %s, so this %s keeps its shape wash after wash.",
            "Crafted in %s that is %s, the %3$s is built to last for years.",
            "We chose %s because it is %s, which makes this %s a joy to use every day.");

    static final List<String> QUALITIES = List.of("soft", "durable", "lightweight", "breathable", "sturdy",
            "responsibly sourced", "wonderfully smooth", "hard-wearing");

    static final List<String> FEATURE_LINES = List.of(
            "Look closer and you will find %s.",
            "Details include %s, a favourite with anyone who owns a %s.",
            "It comes with %s.");

    static final List<String> CLOSINGS = List.of(
            "Pair your %s with the rest of the collection for %s.",
            "A %s you will reach for again and again, from %s onwards.",
            "Free returns within 30 days if your %s is not right for %s.");

    private static final Map<Leaf, Department> DEPARTMENT_OF_LEAF = new IdentityHashMap<>();

    static {
        DEPARTMENTS.forEach(d -> d.leaves().forEach(leaf -> DEPARTMENT_OF_LEAF.put(leaf, d)));
    }

    static Department departmentOf(Leaf leaf) {
        return DEPARTMENT_OF_LEAF.get(leaf);
    }
}
