package org.ecoplan.indicator.air;

/** 环境空气功能区 The area classes of GB 3095-2012 §4.1, whose limits differ. */
public enum AreaClass {

    /** 一类区: nature reserves, scenic areas and other areas needing special protection. */
    CLASS_1("一类区", "class_1"),
    /** 二类区: residential, commercial, cultural, industrial and rural areas; 城陵矶 is one. */
    CLASS_2("二类区", "class_2");

    private final String zh;

    private final String column;

    AreaClass(String zh, String column) {
        this.zh = zh;
        this.column = column;
    }

    public String zh() {
        return zh;
    }

    String column() {
        return column;
    }
}
