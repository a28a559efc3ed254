package dev.gmailserverauth.planted.sandbox;

/** Planted violation: standard streams and printStackTrace in main code. */
public class Chatty {
    public void speak(Exception e) {
        System.out.println("hello");
        e.printStackTrace();
    }
}
