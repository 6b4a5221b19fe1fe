package org.ecoplan.platform;

/** Points a MongoDB connection string at one database, keeping hosts, credentials and options. */
final class MongoUri {

    private MongoUri() {
    }

    static String withDatabase(String uri, String database) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("not a MongoDB connection string: " + uri);
        }
        int authorityStart = schemeEnd + 3;
        int slash = uri.indexOf('/', authorityStart);
        int query = uri.indexOf('?', authorityStart);
        int authorityEnd = slash >= 0 && (query < 0 || slash < query) ? slash : (query >= 0 ? query : uri.length());
        String options = query >= 0 ? uri.substring(query) : "";
        return uri.substring(0, authorityEnd) + "/" + database + options;
    }
}
