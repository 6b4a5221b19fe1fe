package org.ecoplan.indicator.air;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.ecoplan.common.startup.StartupTask;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored hourly monitoring data, as {@link StationDay} documents. Written and read as plain BSON through the
 * driver: mapping 24 dotted {@code hours.HH} paths per document through Spring Data's update mapper cost seconds
 * per station-year, the whole budget of an import.
 */
@Component
class HourlyArchive implements StartupTask {

    /**
     * Station-days per bulk write: a station-year goes in one round trip, and a write stays far below MongoDB's
     * 48 MB message limit (a station-day is about 3 kB).
     */
    private static final int CHUNK = 500;

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final ReactiveMongoTemplate template;

    HourlyArchive(ReactiveMongoTemplate template) {
        this.template = template;
    }

    /** The unique index on the natural key, created before the service takes traffic. */
    @Override
    public Mono<?> run() {
        return createIndex();
    }

    Mono<String> createIndex() {
        return collection().flatMap(days -> Mono.from(days.createIndex(
                Indexes.ascending(StationDay.STATION, StationDay.DATE), new IndexOptions().unique(true))));
    }

    /**
     * Stores the hours, each replacing the stored values of its station and hour. Unordered bulk upserts, one per
     * station-day, each atomic on its document: repeating an import after a failure half-way leaves the same state
     * as one clean run, without any multi-document transaction.
     */
    Mono<Void> replace(List<HourlyMeasurement> hours) {
        Map<String, Document> days = new LinkedHashMap<>();
        for (HourlyMeasurement hour : hours) {
            LocalDate date = hour.hour().toLocalDate();
            days.computeIfAbsent(StationDay.id(hour.station(), date), id -> new Document())
                .append(StationDay.hourKey(hour.hour().getHour()), StationDay.hour(hour));
        }
        List<UpdateOneModel<Document>> upserts = new ArrayList<>(days.size());
        days.forEach((id, dayHours) -> upserts.add(new UpdateOneModel<>(Filters.eq("_id", id),
                new Document("$set", StationDay.replacing(id, dayHours)), UPSERT)));
        return collection().flatMapMany(collection -> Flux.fromIterable(upserts)
            .buffer(CHUNK)
            .concatMap(chunk -> collection.bulkWrite(chunk, new BulkWriteOptions().ordered(false))))
            .then();
    }

    /** The station's stored days from {@code from} to {@code to}, both included. */
    Flux<DayOfHours> days(String station, LocalDate from, LocalDate to) {
        return collection().flatMapMany(days -> days.find(Filters.and(Filters.eq(StationDay.STATION, station),
                Filters.gte(StationDay.DATE, from.toString()), Filters.lte(StationDay.DATE, to.toString()))))
            .map(StationDay::toDayOfHours);
    }

    private Mono<MongoCollection<Document>> collection() {
        return template.getCollection(StationDay.COLLECTION);
    }
}
